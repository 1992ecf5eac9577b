import { errorBody } from '../harness/api-client';
import { REDIRECT_PATH } from '../harness/env';
import { readToEnd } from '../harness/sse';
import { annPublish, root } from './routes.context';
import type { Json, RoutesContext } from './routes.context';

/** Authentication: RS256 tokens of the OIDC emulator, refusals, `/auth/me`, the oauth2 redirect, SSE tickets. */
export function authCases(ctx: RoutesContext): void {
  const { world } = ctx;

  describe('authentication (RS256 tokens from the OIDC emulator\'s JWKS)', () => {
    it('no token: 401 "Not authenticated" with WWW-Authenticate: Bearer, on every protected route', async () => {
      for (const path of ['/jobs', `/jobs/${ctx.annJob.job_id}`, '/sidebar', '/manuals', '/notifications', '/notifications/latest', `/watch/${ctx.annJob.job_id}`, '/auth/me']) {
        const response = await world.api.get(root(path));
        expect([path, response.status, response.body]).toEqual([path, 401, errorBody('Not authenticated')]);
        expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
      }
      const publish = await world.api.post(root('/publish'), { body: annPublish() });
      expect([publish.status, publish.body]).toEqual([401, errorBody('Not authenticated')]);
    });

    it('an expired token: 401 "Expired token"', async () => {
      const response = await world.api.get(root('/jobs'), { token: world.token('ann', { expiresInSeconds: -600 }) });
      expect([response.status, response.body]).toEqual([401, errorBody('Expired token')]);
    });

    it('a token for another audience or from another issuer: 401 naming what is not accepted', async () => {
      const audience = await world.api.get(root('/jobs'), { token: world.token('ann', { audience: 'another-client' }) });
      expect([audience.status, audience.body]).toEqual([401, errorBody(/audience/i)]);
      const issuer = await world.api.get(root('/jobs'), { token: world.token('ann', { issuer: 'http://127.0.0.1:1/realms/elsewhere' }) });
      expect([issuer.status, issuer.body]).toEqual([401, errorBody(/issuer/i)]);
    });

    it('a token that is not a JWT, or whose payload was changed: 401', async () => {
      const garbage = await world.api.get(root('/jobs'), { token: 'not-a-jwt' });
      expect([garbage.status, garbage.body]).toEqual([401, errorBody('Invalid token format')]);
      const [header, payload, signature] = world.token('vera').split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Json;
      const forged = Buffer.from(JSON.stringify({ ...claims, realm_access: { roles: ['manual-admin'] } })).toString('base64url');
      const tampered = await world.api.get(root('/jobs'), { token: `${header}.${forged}.${signature}` });
      expect([tampered.status, tampered.body]).toEqual([401, errorBody('Invalid token')]);
    });

    it('GET /auth/me: who the token says the caller is, roles from realm_access and resource_access', async () => {
      const ann = await world.api.get(root('/auth/me'), { token: world.token('ann') });
      expect(ann.status).toBe(200);
      expect(ann.body).toMatchObject({ username: 'ann', preferred_username: 'ann', email: 'ann@example.com', is_admin: false, is_publisher: true });
      expect(ann.body.roles).toContain('manual-publisher');
      const admin = await world.api.get(root('/auth/me'), { token: world.token('root') });
      expect(admin.body).toMatchObject({ username: 'root', is_admin: true, is_publisher: true });
      expect(admin.body.roles).toContain('manual-admin');
      const viewer = await world.api.get(root('/auth/me'), { token: world.token('vera') });
      expect(viewer.body).toMatchObject({ username: 'vera', is_admin: false, is_publisher: false });
    });

    it('GET /auth/docs/oauth2-redirect?code=: Keycloak\'s token answer as it came; a bad code 401; no code 422', async () => {
      const code = world.emulators.oidc.issueCode('ann', { redirectUri: `${world.baseUrl}${REDIRECT_PATH}` });
      const exchanged = await world.api.get(REDIRECT_PATH, { query: { code } });
      expect(exchanged.status).toBe(200);
      expect(Object.keys(exchanged.body).sort()).toEqual(
        expect.arrayContaining(['access_token', 'expires_in', 'refresh_expires_in', 'refresh_token', 'token_type', 'not-before-policy', 'session_state', 'scope']),
      );
      // The token works against the API itself.
      const me = await world.api.get(root('/auth/me'), { token: exchanged.body.access_token as string });
      expect(me.body).toMatchObject({ username: 'ann' });

      const reused = await world.api.get(REDIRECT_PATH, { query: { code } });
      expect([reused.status, reused.body]).toEqual([401, errorBody('Invalid token')]);
      const missing = await world.api.get(REDIRECT_PATH);
      expect(missing.status).toBe(422);
      expect(missing.body).toEqual({ detail: [{ loc: ['query', 'code'], msg: 'Field required', type: 'missing' }], error_id: expect.any(String) });
    });

    it('POST /auth/sse-ticket: a single-use ticket for clients that cannot send a header', async () => {
      const issued = await world.api.post(root('/auth/sse-ticket'), { token: world.token('ann') });
      expect(issued.status).toBe(200);
      expect(issued.body).toEqual({ ticket: expect.any(String), expires_in: 60 });
      const url = world.url(`/watch/${ctx.annJob.job_id}?ticket=${encodeURIComponent(issued.body.ticket as string)}`);
      const first = await readToEnd(url);
      expect(first.status).toBe(200);
      const again = await readToEnd(url);
      expect(again.status).toBe(401);
      expect(JSON.parse(again.text)).toEqual(errorBody('Invalid or expired ticket'));
    });
  });
}
