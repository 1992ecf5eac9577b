import { Module } from '@nestjs/common';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { WORKER_METRICS } from '../worker.tokens';
import { MetricsController } from './metrics.controller';
import { METRICS_REGISTRY } from './metrics.tokens';
import { WorkerMetricsService } from './worker-metrics.service';

/**
 * Prometheus metrics: `WORKER_METRICS` for the publish processor, queue depth gauges, the default process
 * metrics, all on the worker's own registry, served at `GET /metrics` (when `METRICS_ENABLED`).
 */
@Module({
  controllers: [MetricsController],
  providers: [
    {
      provide: METRICS_REGISTRY,
      useFactory: () => {
        const registry = new Registry();
        collectDefaultMetrics({ register: registry });
        return registry;
      },
    },
    WorkerMetricsService,
    { provide: WORKER_METRICS, useExisting: WorkerMetricsService },
  ],
  exports: [WORKER_METRICS, METRICS_REGISTRY],
})
export class MetricsModule {}
