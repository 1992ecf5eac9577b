import { Inject, Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';
import { HTTP_DURATION_BUCKETS, METRICS_PREFIX, METRICS_REGISTRY } from './metrics.tokens';

type HttpLabel = 'method' | 'route' | 'status';

/** One answered (or abandoned) request, as the middleware saw it. */
export interface HttpObservation {
  method: string;
  /** The route pattern Express matched (`/api/manual/v1/jobs/:id`), never the raw URL; `unmatched` for none. */
  route: string;
  status: number;
  seconds: number;
}

/** `zmp_api_http_requests_total` and `zmp_api_http_request_duration_seconds`, by method, route pattern and status. */
@Injectable()
export class HttpMetrics {
  private readonly requests: Counter<HttpLabel>;
  private readonly duration: Histogram<HttpLabel>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    const labelNames: HttpLabel[] = ['method', 'route', 'status'];
    this.requests = new Counter({
      name: `${METRICS_PREFIX}http_requests_total`,
      help: 'HTTP requests answered, by method, route pattern and status (errors included; 499 = the client left first)',
      labelNames,
      registers: [registry],
    });
    this.duration = new Histogram({
      name: `${METRICS_PREFIX}http_request_duration_seconds`,
      help: 'Time from receiving a request to the end of its response (for SSE: the life of the stream), by method, route pattern and status',
      labelNames,
      buckets: HTTP_DURATION_BUCKETS,
      registers: [registry],
    });
  }

  record({ method, route, status, seconds }: HttpObservation): void {
    const labels = { method, route, status: String(status) };
    this.requests.inc(labels);
    this.duration.observe(labels, seconds);
  }
}
