import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { ApiConfig } from '../api.tokens';

/** Response headers a browser script may read: the list total, the retry delay, the download's name and checksum. */
export const CORS_EXPOSED_HEADERS = ['X-Total-Count', 'Retry-After', 'Content-Disposition', 'X-Content-SHA256'];
/** Request headers a browser may send: the token, JSON bodies, an SSE resume point. */
export const CORS_ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Last-Event-ID'];

/**
 * CORS from `ALLOWED_ORIGINS`: `*` lets any origin call the API without credentials (a Bearer token is not a
 * credential in the CORS sense, so the frontend still works); a list allows exactly those origins, with
 * credentials. Preflights are cached for a day, as the original did.
 */
export function corsOptions(config: ApiConfig): CorsOptions {
  const common: CorsOptions = {
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    maxAge: 86_400,
  };
  return config.cors.origins === '*' ? { ...common, origin: '*', credentials: false } : { ...common, origin: [...config.cors.origins], credentials: true };
}
