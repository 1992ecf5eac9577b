import { Controller, Get, Inject, NotFoundException, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Registry } from 'prom-client';
import { WORKER_CONFIG } from '../worker.tokens';
import type { WorkerConfig } from '../worker.tokens';
import { METRICS_REGISTRY } from './metrics.tokens';

/** `GET /metrics` in the Prometheus text format; 404 when `METRICS_ENABLED=false`. */
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  @Get()
  async scrape(@Res({ passthrough: true }) response: Response): Promise<string> {
    if (!this.config.metricsEnabled) throw new NotFoundException();
    response.setHeader('Content-Type', this.registry.contentType);
    return this.registry.metrics();
  }
}
