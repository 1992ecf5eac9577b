import { errorBody } from '../harness/api-client';
import { APP_ROOT } from '../harness/env';
import { root } from './routes.context';
import type { Json, RoutesContext } from './routes.context';

/** Health, metrics, OpenAPI, Swagger UI, the queue dashboard, unknown routes and CORS. */
export function platformCases(ctx: RoutesContext): void {
  const { world } = ctx;

  describe('health, metrics and documentation (no token)', () => {
    it('GET /health at the root and under the base path: the original\'s {status, version, timestamp}', async () => {
      for (const path of ['/health', root('/health')]) {
        const response = await world.api.get(path);
        expect([path, response.status]).toEqual([path, 200]);
        expect(Object.keys(response.body)).toEqual(['status', 'version', 'timestamp']);
        expect(response.body).toMatchObject({ status: 'healthy', version: '0.1.0' });
        expect(Number.isNaN(Date.parse(response.body.timestamp as string))).toBe(false);
      }
    });

    it('GET /health/live and /health/ready (Redis checked), at the root and under the base path', async () => {
      for (const prefix of ['', APP_ROOT]) {
        const live = await world.api.get(`${prefix}/health/live`);
        expect([prefix, live.status, live.body]).toEqual([prefix, 200, { status: 'ok' }]);
        const ready = await world.api.get(`${prefix}/health/ready`);
        expect([prefix, ready.status, ready.body]).toEqual([prefix, 200, { status: 'ready', checks: { redis: 'ok' } }]);
      }
    });

    it('GET /metrics: Prometheus text with HTTP counts by route pattern, queue depth, SSE clients and finished jobs', async () => {
      await world.api.get(root(`/jobs/${ctx.annJob.job_id}`), { token: world.token('ann') });
      for (const path of ['/metrics', root('/metrics')]) {
        const response = await world.api.get(path);
        expect([path, response.status]).toEqual([path, 200]);
        expect(response.headers['content-type']).toMatch(/^text\/plain/);
        const text = response.text;
        expect(text).toMatch(/^zmp_api_http_requests_total\{[^}]*route="\/api\/manual\/v1\/jobs\/:id"[^}]*\} \d+/m);
        expect(text).not.toContain(`route="/api/manual/v1/jobs/${ctx.annJob.job_id}"`);
        expect(text).toMatch(/^zmp_api_http_request_duration_seconds_bucket\{/m);
        expect(text).toMatch(/^zmp_api_queue_jobs\{[^}]*queue="publish"[^}]*\} \d+/m);
        expect(text).toMatch(/^zmp_api_queue_jobs\{[^}]*queue="maintenance"[^}]*\} \d+/m);
        expect(text).toMatch(/^zmp_api_sse_clients\{kind="watch"\} \d+/m);
        expect(text).toMatch(/^zmp_api_jobs_finished_total\{[^}]*solution="zcp"[^}]*state="completed"[^}]*\} 2$/m);
        expect(text).toMatch(/^zmp_api_process_cpu_seconds_total/m);
      }
    });

    it('GET /openapi.json (and the original\'s /openapi): OpenAPI 3.0 with the routes and Keycloak\'s authorization-code flow', async () => {
      const response = await world.api.get(root('/openapi.json'));
      expect(response.status).toBe(200);
      const document = response.body as { openapi: string; paths: Record<string, unknown>; components: { securitySchemes: Record<string, Json> } };
      expect(document.openapi).toMatch(/^3\.0\./);
      const paths = Object.keys(document.paths);
      for (const route of ['/publish', '/jobs/{job_id}', '/jobs', '/watch/{job_id}', '/notifications/stream', '/manuals', '/sidebar', '/webhook/notion/{solution}', '/auth/sse-ticket', '/jobs/{job_id}/cancel', '/jobs/{job_id}/artifact']) {
        const braced = route.replace(/\{[^}]+\}/g, '{}');
        expect([route, paths.some((path) => path.replace(/\{[^}]+\}/g, '{}').endsWith(braced))]).toEqual([route, true]);
      }
      const keycloak = document.components.securitySchemes.keycloak as { type: string; flows: { authorizationCode: Json } };
      expect(keycloak.type).toBe('oauth2');
      expect(keycloak.flows.authorizationCode).toMatchObject({
        authorizationUrl: `${world.emulators.oidc.issuer}/protocol/openid-connect/auth`,
        tokenUrl: `${world.emulators.oidc.issuer}/protocol/openid-connect/token`,
        refreshUrl: `${world.emulators.oidc.issuer}/protocol/openid-connect/token`,
      });
      const original = await world.api.get(root('/openapi'));
      expect(original.status).toBe(200);
      expect(original.body).toEqual(document);
    });

    it('GET /api-docs: the Swagger UI page', async () => {
      let response = await world.api.get(root('/api-docs'));
      if (response.status >= 300 && response.status < 400) response = await world.api.get(new URL(response.headers.location, world.baseUrl).pathname);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toContain('swagger');
    });

    it('the queue dashboard: admins only (401 without a token, 403 for others)', async () => {
      const nobody = await world.api.get(root('/admin/queues'));
      expect([nobody.status, nobody.body]).toEqual([401, errorBody('Not authenticated')]);
      const publisher = await world.api.get(root('/admin/queues'), { token: world.token('ann') });
      expect([publisher.status, publisher.body]).toEqual([403, errorBody('The queue dashboard needs the manual-admin role')]);
      const admin = await world.api.get(root('/admin/queues'), { token: world.token('root') });
      expect(admin.status).toBe(200);
      expect(admin.headers['content-type']).toMatch(/^text\/html/);
    });

    it('an unknown route: 404 {"detail":"Not Found"} as FastAPI answers', async () => {
      const response = await world.api.get(root('/no-such-route'), { token: world.token('ann') });
      expect(response.status).toBe(404);
      expect(response.body).toEqual(errorBody('Not Found'));
    });
  });


  it('CORS: any origin without credentials by default, X-Total-Count exposed', async () => {
    const response = await world.api.get(root('/jobs'), { token: world.token('ann'), headers: { Origin: 'https://docs.example.com' } });
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['access-control-expose-headers']).toMatch(/X-Total-Count/i);
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    // A browser's preflight before a publish with a token, and before a resumed fetch-based SSE watch.
    const preflight = await fetch(world.url('/publish'), {
      method: 'OPTIONS',
      headers: { Origin: 'https://docs.example.com', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type,last-event-id' },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/);
    const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of ['authorization', 'content-type', 'last-event-id']) expect([header, allowed.includes(header)]).toEqual([header, true]);
  });
}
