import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Registry } from 'prom-client';
import { Public } from '../auth/auth.decorators';
import { MetricsAccess } from './metrics-access';
import { METRICS_REGISTRY } from './metrics.tokens';

/** `GET /metrics` (under APP_ROOT, and at the root through bootstrap): the Prometheus text format. */
@Controller()
export class MetricsController {
  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    private readonly access: MetricsAccess,
  ) {}

  @Public()
  @Get('metrics')
  async scrape(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) response: Response): Promise<string> {
    await this.access.check(authorization);
    response.setHeader('Content-Type', this.registry.contentType);
    response.setHeader('Cache-Control', 'no-store');
    return this.registry.metrics();
  }
}
