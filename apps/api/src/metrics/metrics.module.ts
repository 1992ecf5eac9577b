import { Module, RequestMethod } from '@nestjs/common';
import type { MiddlewareConsumer, NestModule } from '@nestjs/common';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { FinishedJobsCollector } from './finished-jobs.collector';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { HttpMetrics } from './http-metrics.service';
import { MetricsAccess } from './metrics-access';
import { MetricsController } from './metrics.controller';
import { METRICS_PREFIX, METRICS_REGISTRY } from './metrics.tokens';
import { QueueDepthCollector } from './queue-depth.collector';
import { SseClientsCollector } from './sse-clients.collector';

/**
 * Prometheus metrics on the API's own registry: process metrics (`zmp_api_` prefix), HTTP requests by route
 * pattern, queue depths, open SSE clients and finished publish jobs, served at `GET /metrics`. Needs
 * `REQUEST_AUTHENTICATOR` (auth module) when `METRICS_PUBLIC` is false; `SSE_STATS` (streams module) is optional.
 */
@Module({
  controllers: [MetricsController],
  providers: [
    {
      provide: METRICS_REGISTRY,
      useFactory: () => {
        const registry = new Registry();
        collectDefaultMetrics({ register: registry, prefix: METRICS_PREFIX });
        return registry;
      },
    },
    HttpMetrics,
    MetricsAccess,
    QueueDepthCollector,
    SseClientsCollector,
    FinishedJobsCollector,
  ],
  exports: [METRICS_REGISTRY],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}
