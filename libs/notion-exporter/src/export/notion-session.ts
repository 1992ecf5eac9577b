import { NotionGateway } from '../api/notion-gateway';
import { RateLimiter } from '../api/rate-limiter';
import { resolveRetryOptions } from '../api/retry-policy';
import type { NotionAccessOptions } from '../types';

export const DEFAULT_RATE_LIMIT = { requestsPerSecond: 3 } as const;

/** The gateway of one export: the caller's shared limiter, or a new one (default 3 requests/s). */
export function openGateway(options: NotionAccessOptions, now: () => number): NotionGateway {
  const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const limiter = rateLimit instanceof RateLimiter ? rateLimit : new RateLimiter(rateLimit);
  return new NotionGateway({ client: options.client, limiter, retry: resolveRetryOptions(options.retry), signal: options.signal, now });
}

export function statsCalls(gateway: NotionGateway): { apiCalls: Record<string, number>; apiCallsTotal: number; retries: number; rateLimited: number } {
  const apiCalls = Object.fromEntries(Object.entries(gateway.counters.calls).sort(([a], [b]) => a.localeCompare(b)));
  return {
    apiCalls,
    apiCallsTotal: Object.values(apiCalls).reduce((a, b) => a + b, 0),
    retries: gateway.counters.retries,
    rateLimited: gateway.counters.rateLimited,
  };
}
