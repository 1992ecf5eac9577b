import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerModuleOptions, ThrottlerStorage } from '@nestjs/throttler';
import type { Request } from 'express';
import type { ApiConfig } from '../api.tokens';
import { rateLimitRoutes } from './rate-limit.routes';

/** The window of both limits. */
export const RATE_LIMIT_WINDOW_MS = 60_000;

/**
 * The two limits (`@nestjs/throttler` named throttlers): `default` — `RATE_LIMIT_PER_MINUTE` requests per
 * client (the user once authenticated, else the IP) on every route but health, metrics and the documents;
 * `publish` — `RATE_LIMIT_PUBLISH_PER_MINUTE` `POST /publish` per user, on top. `0` turns a limit off.
 */
export function rateLimitOptions(config: ApiConfig, storage: ThrottlerStorage): ThrottlerModuleOptions {
  const routes = rateLimitRoutes(config.appRoot);
  const { perMinute, publishPerMinute } = config.rateLimit;
  const request = (context: ExecutionContext): Request | null => (context.getType() === 'http' ? context.switchToHttp().getRequest<Request>() : null);
  return {
    storage,
    // Only a refusal says something (429 with Retry-After, see RateLimitGuard); no X-RateLimit-* on every answer.
    setHeaders: false,
    throttlers: [
      {
        name: 'default',
        ttl: RATE_LIMIT_WINDOW_MS,
        limit: perMinute,
        skipIf: (context) => {
          const req = request(context);
          return perMinute === 0 || req === null || routes.isExempt(req.method, req.path);
        },
      },
      {
        name: 'publish',
        ttl: RATE_LIMIT_WINDOW_MS,
        limit: publishPerMinute,
        skipIf: (context) => {
          const req = request(context);
          return publishPerMinute === 0 || req === null || !routes.isPublish(req.method, req.path);
        },
      },
    ],
  };
}
