import type { NextFunction, Request, Response } from 'express';

/**
 * Paths that also answer at the server root, besides under `APP_ROOT`: Kubernetes probes and Prometheus use
 * root paths, and the original served `/health` at both. The controllers declare them once (under the global
 * prefix); this middleware routes the root form to them.
 */
export const ROOT_ALIASES: readonly string[] = ['/health', '/health/live', '/health/ready', '/metrics'];

/** Rewrites `/health`, `/health/live`, `/health/ready` and `/metrics` (any case, trailing slash, query kept) to `<appRoot>/…`. */
export function rootAliasesMiddleware(appRoot: string) {
  const aliases = new Set(ROOT_ALIASES);
  return (request: Request, _response: Response, next: NextFunction): void => {
    const query = request.url.indexOf('?');
    const path = query === -1 ? request.url : request.url.slice(0, query);
    const bare = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    if (aliases.has(bare.toLowerCase())) request.url = appRoot + request.url;
    next();
  };
}
