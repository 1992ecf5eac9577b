import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { METHODS } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiConfig } from '../api.tokens';
import { createApiApp } from '../bootstrap';
import { loadApiConfig } from '../config/load-api-config';
import { dashboardPath } from '../dashboard/mount-dashboard';
import { deleteKeysAt } from '../testing/redis-keys';
import { buildOpenApiDocument } from './openapi.document';
import { docsPaths } from './setup-docs';

/** An Express route as the router holds it. */
interface RouteLayer {
  route?: { path: unknown; methods: Record<string, boolean> };
}

/** `/jobs/:id` and `/jobs/{job_id}` both become `/jobs/{}`: only the shape of a path counts, not its parameter names. */
const shape = (path: string) => path.replace(/:[A-Za-z0-9_]+/g, '{}').replace(/\{[^}]*\}/g, '{}');

/**
 * Every `METHOD /path` (relative to APP_ROOT) the running app answers through a route: Nest's controllers and
 * the documentation routes of setupDocs. Swagger UI's asset routes under `api-docs/` and the catch-all routes
 * Nest mounts for middleware (every method) are not API routes.
 */
function registeredRoutes(app: INestApplication, config: ApiConfig): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: RouteLayer[] } };
  const ui = docsPaths(config).ui;
  const routes = new Set<string>();
  for (const layer of express.router.stack) {
    const path = layer.route?.path;
    if (typeof path !== 'string') continue;
    if (path.startsWith(`${ui}/`)) continue;
    const methods = Object.entries(layer.route?.methods ?? {}).filter(([method, on]) => on && method !== '_all');
    if (methods.length >= METHODS.length) continue; // `all()`: how Nest mounts a middleware
    for (const [method] of methods) {
      const relative = path.startsWith(`${config.appRoot}/`) ? path.slice(config.appRoot.length) : `(outside APP_ROOT) ${path}`;
      routes.add(`${method.toUpperCase()} ${shape(relative)}`);
    }
  }
  return [...routes].sort();
}

function documentedRoutes(config: ApiConfig): string[] {
  const document = buildOpenApiDocument(config);
  return Object.entries(document.paths)
    .flatMap(([path, item]) => (['get', 'post', 'put', 'patch', 'delete'] as const).filter((method) => item[method]).map((method) => `${method.toUpperCase()} ${shape(path)}`))
    .sort();
}

describe('the OpenAPI document against the routes the whole API registers', () => {
  let app: INestApplication;
  let config: ApiConfig;
  let base: string;

  beforeAll(async () => {
    config = loadApiConfig({
      SOLUTIONS: 'zcp,apim',
      ZCP_ROOT_PAGE_ID: '19ab7135-d33b-803b-8ea7-ff3e366f707d',
      APIM_ROOT_PAGE_ID: '29ab7135-d33b-803b-8ea7-ff3e366f707d',
      AUTH_MODE: 'dev',
      AUTH_DEV_SECRET: 'test-secret-of-at-least-32-characters!!',
      REDIS_KEY_PREFIX: `test:api-openapi-routes:${randomUUID()}:`,
    });
    app = await createApiApp(config, { logLevels: ['error'] });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
    await deleteKeysAt(config.redisUrl, config.keyPrefix);
  });

  it('documents every route, and no route that does not exist', () => {
    const dashboard = `GET ${shape(dashboardPath(config).slice(config.appRoot.length))}`;
    const registered = registeredRoutes(app, config);
    const documented = documentedRoutes(config).filter((route) => route !== dashboard);
    expect({ missingFromDocument: registered.filter((r) => !documented.includes(r)), notRegistered: documented.filter((r) => !registered.includes(r)) }).toEqual({
      missingFromDocument: [],
      notRegistered: [],
    });
  });

  it("matches the document's security with what the app asks of a caller without credentials", async () => {
    const document = buildOpenApiDocument(config);
    const outcomes: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of ['get', 'post'] as const) {
        const op = item[method];
        if (!op || path === dashboardPath(config).slice(config.appRoot.length)) continue;
        const url = base + config.appRoot + path.replace('{solution}', 'zcp').replace(/\{[^}]+\}/g, randomUUID());
        const response = await fetch(url, { method: method.toUpperCase(), redirect: 'manual' });
        const text = await response.text();
        const refusedAsAnonymous = response.status === 401 && text.includes('"Not authenticated"');
        const isPublic = op.security?.length === 0;
        if (refusedAsAnonymous === isPublic) outcomes.push(`${method.toUpperCase()} ${path}: documented ${isPublic ? 'public' : 'authenticated'}, answered ${response.status} ${text.slice(0, 80)}`);
      }
    }
    expect(outcomes).toEqual([]);
  });

  it('has the queue dashboard mounted where the document says (an Express app, not a route)', async () => {
    const response = await fetch(base + dashboardPath(config));
    expect(response.status).toBe(401);
  });

  it('serves the same document it was built from', async () => {
    const served = (await (await fetch(base + docsPaths(config).json)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(served.paths).sort()).toEqual(Object.keys(buildOpenApiDocument(config).paths).sort());
  });
});
