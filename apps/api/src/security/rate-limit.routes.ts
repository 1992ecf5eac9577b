/**
 * Which requests the rate limits apply to, decided by method and path (the other modules' controllers carry
 * no rate-limit decorators). Paths are compared as Express routes them: without a trailing slash, ignoring case.
 */
export interface RateLimitRoutes {
  /** Health, metrics and the API documents: never limited (probes and scrapers call them often). */
  isExempt(method: string, path: string): boolean;
  /** `POST APP_ROOT/publish`: limited a second time, per user. */
  isPublish(method: string, path: string): boolean;
}

const normalize = (path: string) => (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path).toLowerCase();

export function rateLimitRoutes(appRoot: string): RateLimitRoutes {
  const root = appRoot.toLowerCase();
  const probes = ['/health', '/health/live', '/health/ready', '/metrics'];
  const exempt = new Set([...probes, ...probes.map((path) => root + path), `${root}/openapi`, `${root}/openapi.json`]);
  const docsUi = `${root}/api-docs`;
  const publish = `${root}/publish`;
  return {
    isExempt: (_method, path) => {
      const p = normalize(path);
      return exempt.has(p) || p === docsUi || p.startsWith(`${docsUi}/`);
    },
    isPublish: (method, path) => method.toUpperCase() === 'POST' && normalize(path) === publish,
  };
}
