import { startOidcEmulator } from '@zmp-manual/oidc-emulator';
import type { OidcEmulator } from '@zmp-manual/oidc-emulator';
import { createHmac } from 'node:crypto';
import { mintDevToken } from './dev-token';
import { startAuthTestApp } from './testing/auth-test-app';
import type { AuthTestApp } from './testing/auth-test-app';

type Json = Record<string, unknown>;

const SECRET = 'dev-secret-of-at-least-32-characters-long';

async function call(url: string, token?: string, method = 'GET'): Promise<{ status: number; body: Json }> {
  const response = await fetch(url, { method, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as Json };
}

describe('auth in dev mode (HS256 with AUTH_DEV_SECRET, over HTTP)', () => {
  let api: AuthTestApp;
  let oidc: OidcEmulator;

  beforeAll(async () => {
    oidc = await startOidcEmulator();
    api = await startAuthTestApp({ AUTH_MODE: 'dev', AUTH_DEV_SECRET: SECRET, AUTH_PUBLISHER_ROLE: 'writer', AUTH_ADMIN_ROLE: 'boss' });
  });

  afterAll(async () => {
    await api?.close();
    await oidc?.stop();
  });

  it('accepts a token from mintDevToken, with its roles under the configured names', async () => {
    const token = mintDevToken(SECRET, { username: 'dana', roles: ['writer'], email: 'dana@example.com' });
    const { status, body } = await call(`${api.base}/auth/me`, token);
    expect(status).toBe(200);
    expect(body).toMatchObject({ username: 'dana', email: 'dana@example.com', roles: ['writer'], is_admin: false, is_publisher: true, full_name: null });
    expect((await call(`${api.base}/probe/publish`, token, 'POST')).status).toBe(201);
    const admin = await call(`${api.base}/probe/admin`, token);
    expect([admin.status, admin.body['detail']]).toEqual([403, 'This needs the boss role']);
    expect((await call(`${api.base}/probe/admin`, mintDevToken(SECRET, { username: 'root', roles: ['boss'] }))).status).toBe(200);
  });

  it('refuses RS256 tokens (the algorithm is pinned per mode), other secrets, issuers and expired tokens', async () => {
    expect((await call(`${api.base}/probe/user`, oidc.mintFor('admin', { issuer: 'zmp-manual-dev', audience: 'zmp-manual' }))).body['detail']).toBe('Invalid token');
    expect((await call(`${api.base}/probe/user`, mintDevToken('another-secret-of-at-least-32-characters', { username: 'x' }))).body['detail']).toBe('Invalid token');
    expect((await call(`${api.base}/probe/user`, mintDevToken(SECRET, { username: 'x', issuer: 'someone-else' }))).body['detail']).toBe('Token issuer not accepted (expected zmp-manual-dev)');
    expect((await call(`${api.base}/probe/user`, mintDevToken(SECRET, { username: 'x', audience: 'other' }))).body['detail']).toBe('Token audience not accepted (expected zmp-manual)');
    expect((await call(`${api.base}/probe/user`, mintDevToken(SECRET, { username: 'x', expiresInSeconds: -60 }))).body['detail']).toBe('Expired token');
  });

  it('refuses an HS256 token without exp (a token must expire)', async () => {
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'x', iss: 'zmp-manual-dev', aud: 'zmp-manual' })}`;
    const token = `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`;
    const { status, body } = await call(`${api.base}/probe/user`, token);
    expect([status, body['detail']]).toEqual([401, 'Invalid token']);
  });

  it('answers 503 naming KEYCLOAK_SERVER_URL when the code exchange has no Keycloak', async () => {
    const { status, body } = await call(`${api.base}/auth/docs/oauth2-redirect?code=abc`);
    expect(status).toBe(503);
    expect(body['detail']).toBe('Keycloak login is not configured: set KEYCLOAK_SERVER_URL');
  });
});

describe('mintDevToken', () => {
  it('writes the claims dev mode reads', () => {
    const before = Math.floor(Date.now() / 1000);
    const token = mintDevToken(SECRET, { username: 'erin', roles: ['manual-admin'], expiresInSeconds: 120, audience: ['a', 'b'] });
    const [header, payload] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Json);
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toEqual({ iss: 'zmp-manual-dev', aud: ['a', 'b'], sub: 'erin', typ: 'Bearer', preferred_username: 'erin', realm_access: { roles: ['manual-admin'] }, iat: expect.any(Number), exp: (payload['iat'] as number) + 120 });
    expect(payload['iat']).toBeGreaterThanOrEqual(before);
  });
});
