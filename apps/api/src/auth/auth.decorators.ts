import { createParamDecorator, SetMetadata } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import type { AuthUser } from './auth-user';

/** Metadata keys read by the global auth guard (auth/auth.guard.ts). */
export const IS_PUBLIC = 'zmp:public';
export const REQUIRED_ROLE = 'zmp:required-role';
export const ALLOW_TICKET = 'zmp:allow-ticket';

/** The route needs no authentication (health, webhooks — they check their own HMAC —, the oauth2 redirect). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The route needs a role: `publisher` (publish, cancel) or `admin` (dashboard, verification tokens). 403 otherwise. */
export const RequireRole = (role: 'publisher' | 'admin') => SetMetadata(REQUIRED_ROLE, role);

/**
 * Besides `Authorization: Bearer`, the route accepts `?ticket=` (a single-use ticket from `POST /auth/sse-ticket`),
 * for clients that cannot send a header: the native EventSource, a download link, the dashboard.
 */
export const AllowTicket = () => SetMetadata(ALLOW_TICKET, true);

/** The authenticated user (`request.user`, set by the guard). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  const request = context.switchToHttp().getRequest<{ user?: AuthUser }>();
  if (!request.user) throw new Error('CurrentUser used on a route without authentication');
  return request.user;
});
