import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { RequestAuthenticator } from '../api.tokens';
import type { AuthUser } from '../auth/auth-user';
import { ApiError } from '../errors/api-error';
import { DASHBOARD_SESSION_TTL_SECONDS } from './dashboard-session';
import type { DashboardSession } from './dashboard-session';

/** The dashboard's session cookie (HttpOnly, SameSite=Strict, scoped to the dashboard's path). */
export const DASHBOARD_COOKIE = 'zmp_queue_dashboard';

export interface DashboardAuthOptions {
  authenticator: RequestAuthenticator;
  session: DashboardSession;
  /** `AUTH_ADMIN_ROLE`, named in the 403. */
  adminRole: string;
  /** Where the dashboard is mounted: the cookie's `Path`. */
  basePath: string;
}

function cookieOf(request: Request, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at !== -1 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}

/**
 * Lets only admins into the queue dashboard, which is an Express app beside Nest (no guard applies to it).
 * The credential is `Authorization: Bearer`, or `?ticket=` (from `POST /auth/sse-ticket`) for a browser that
 * opens the page, or the session cookie this sets for an admin, which carries the dashboard's own asset and API
 * requests for an hour. A ticket on a page load is answered with a redirect to the same page without it, so it
 * does not stay in the address bar. Nobody → 401, not an admin → 403; bull-board's actions (retry, clean,
 * pause…) are then an admin's, and each one is logged with the admin's name.
 */
export function dashboardAuth(options: DashboardAuthOptions) {
  const logger = new Logger('QueueDashboard');

  const admitted = (request: Request, username: string) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') logger.log(`${username}: ${request.method} ${request.originalUrl.split('?')[0]}`);
  };

  const startSession = (request: Request, response: Response, user: AuthUser) => {
    response.cookie(DASHBOARD_COOKIE, options.session.issue(user.username), {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      path: options.basePath,
      maxAge: DASHBOARD_SESSION_TTL_SECONDS * 1000,
    });
  };

  const authenticate = async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    const url = new URL(request.originalUrl, 'http://dashboard.invalid');
    const ticket = url.searchParams.get('ticket');
    const header = request.headers.authorization;
    let user: AuthUser;
    if (header !== undefined) {
      user = await options.authenticator.fromAuthorization(header);
    } else if (ticket !== null) {
      user = await options.authenticator.fromTicket(ticket);
    } else {
      const cookie = cookieOf(request, DASHBOARD_COOKIE);
      const username = cookie === null ? null : options.session.verify(cookie);
      if (username === null) {
        if (cookie !== null) response.clearCookie(DASHBOARD_COOKIE, { path: options.basePath });
        throw ApiError.unauthorized('Not authenticated');
      }
      admitted(request, username);
      next();
      return;
    }
    if (!user.isAdmin) throw ApiError.forbidden(`The queue dashboard needs the ${options.adminRole} role`);
    startSession(request, response, user);
    if (ticket !== null && (request.method === 'GET' || request.method === 'HEAD')) {
      url.searchParams.delete('ticket');
      response.redirect(303, url.pathname + url.search);
      return;
    }
    admitted(request, user.username);
    next();
  };

  return (request: Request, response: Response, next: NextFunction): void => {
    authenticate(request, response, next).catch((error: unknown) => {
      const errorId = randomUUID();
      if (error instanceof ApiError) {
        response.status(error.status).set(error.headers).json({ detail: error.detail, error_id: errorId });
        return;
      }
      logger.error(`error_id=${errorId}: ${(error as Error).message}`);
      response.status(500).json({ detail: 'Internal server error', error_id: errorId });
    });
  };
}
