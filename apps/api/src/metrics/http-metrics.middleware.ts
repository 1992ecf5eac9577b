import { Injectable } from '@nestjs/common';
import type { NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpMetrics } from './http-metrics.service';

/** Status recorded for a request whose client went away before any response header was sent (nginx's convention). */
export const CLIENT_CLOSED_REQUEST = 499;

/** What Express puts on the request once a route matched. */
type RoutedRequest = IncomingMessage & { route?: { path?: unknown } };

/**
 * Times every request of the API's routes and records it when its response closes, with the status actually
 * sent (after the exception filter, for errors). A middleware rather than an interceptor: it also sees the
 * requests that guards refuse (401, 403, 429), which never reach an interceptor. The route is read at the end,
 * when Express has matched it: the pattern Nest registered, so ids never become label values.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: HttpMetrics) {}

  use(request: RoutedRequest, response: ServerResponse, next: () => void): void {
    const started = process.hrtime.bigint();
    // Nest mounts this middleware as a catch-all route of its own: a request no other route matches ends with
    // that route on it, which must not become a label.
    const own = request.route;
    response.once('close', () => {
      const path = request.route === own ? undefined : request.route?.path;
      this.metrics.record({
        method: request.method ?? 'GET',
        route: typeof path === 'string' ? path : 'unmatched',
        status: response.headersSent ? response.statusCode : CLIENT_CLOSED_REQUEST,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
      });
    });
    next();
  }
}
