import { Inject, Injectable, Optional } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { SSE_STATS } from '../api.tokens';
import type { SseStats } from '../api.tokens';
import { METRICS_PREFIX, METRICS_REGISTRY } from './metrics.tokens';

/** `zmp_api_sse_clients{kind}`: open SSE connections of this process (`watch`, `notifications`), from the streams module. */
@Injectable()
export class SseClientsCollector {
  constructor(@Inject(METRICS_REGISTRY) registry: Registry, @Optional() @Inject(SSE_STATS) stats: SseStats | null) {
    new Gauge<'kind'>({
      name: `${METRICS_PREFIX}sse_clients`,
      help: 'Open SSE connections of this API process, by stream kind',
      labelNames: ['kind'],
      registers: [registry],
      collect() {
        this.reset();
        if (!stats) return;
        for (const [kind, count] of Object.entries(stats.open())) this.set({ kind }, count);
      },
    });
  }
}
