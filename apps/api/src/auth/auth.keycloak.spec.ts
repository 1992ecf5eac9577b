import { startOidcEmulator } from '@zmp-manual/oidc-emulator';
import type { OidcEmulator } from '@zmp-manual/oidc-emulator';
import { createHash, createHmac, createPublicKey } from 'node:crypto';
import type { JsonWebKey } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startAuthTestApp } from './testing/auth-test-app';
import type { AuthTestApp } from './testing/auth-test-app';

type Json = Record<string, unknown>;

const REDIRECT_URI = 'http://127.0.0.1:9/api/manual/v1/auth/docs/oauth2-redirect';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const segments = (token: string) => token.split('.');
const headerOf = (token: string) => JSON.parse(Buffer.from(segments(token)[0], 'base64url').toString()) as Json;
const payloadOf = (token: string) => JSON.parse(Buffer.from(segments(token)[1], 'base64url').toString()) as Json;
const hs256 = (header: Json, payload: Json, secret: string | Buffer) => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
};

async function call(url: string, init: RequestInit & { token?: string } = {}): Promise<{ status: number; body: Json; headers: Headers }> {
  const headers = new Headers(init.headers);
  if (init.token !== undefined) headers.set('authorization', `Bearer ${init.token}`);
  const response = await fetch(url, { ...init, headers });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Json), headers: response.headers };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('auth in keycloak mode (RS256 via the JWKS of tools/oidc-emulator, over HTTP)', () => {
  let oidc: OidcEmulator;
  let api: AuthTestApp;
  /** The key store's clock runs `skew` ms ahead of the real one (its refetch windows); tokens use the real clock. */
  let skew = 0;

  beforeAll(async () => {
    oidc = await startOidcEmulator({ realm: 'zmp', users: [{ username: 'publisher', email: 'pub@example.com', firstName: 'Pat', lastName: 'Lee', realmRoles: ['manual-publisher'] }, { username: 'admin', realmRoles: ['manual-admin'] }, { username: 'viewer' }] });
    api = await startAuthTestApp(
      {
        AUTH_MODE: 'keycloak',
        KEYCLOAK_SERVER_URL: oidc.url,
        KEYCLOAK_REALM: 'zmp',
        KEYCLOAK_CLIENT_ID: 'zmp-client',
        KEYCLOAK_CLIENT_SECRET: oidc.clientSecret ?? '',
        KEYCLOAK_REDIRECT_URI: REDIRECT_URI,
      },
      { now: () => Date.now() + skew },
    );
  });

  afterAll(async () => {
    await api?.close();
    await oidc?.stop();
  });

  it('accepts a valid RS256 token and maps its claims to the user', async () => {
    const token = oidc.mintFor('publisher');
    const { status, body } = await call(`${api.base}/probe/user`, { token });
    expect(status).toBe(200);
    expect(body).toEqual({
      username: 'publisher',
      subject: payloadOf(token)['sub'],
      email: 'pub@example.com',
      roles: ['manual-publisher', 'default-roles-zmp', 'offline_access', 'uma_authorization'],
      isAdmin: false,
      isPublisher: true,
      fullName: 'Pat Lee',
      expiresAt: payloadOf(token)['exp'],
    });
  });

  it('answers GET /auth/me in the TokenData shape', async () => {
    const token = oidc.mintFor('publisher');
    const { status, body } = await call(`${api.base}/auth/me`, { token });
    expect(status).toBe(200);
    expect(body).toEqual({
      username: 'publisher',
      email: 'pub@example.com',
      full_name: 'Pat Lee',
      roles: ['manual-publisher', 'default-roles-zmp', 'offline_access', 'uma_authorization'],
      exp: payloadOf(token)['exp'],
      preferred_username: 'publisher',
      is_admin: false,
      is_publisher: true,
    });
  });

  it('accepts a token expired within the clock tolerance (30 s)', async () => {
    expect((await call(`${api.base}/probe/user`, { token: oidc.mintFor('viewer', { expiresInSeconds: -10 }) })).status).toBe(200);
  });

  describe('refuses with 401, WWW-Authenticate: Bearer and the reason', () => {
    const refusals: Array<[string, () => string | undefined, string]> = [
      ['no Authorization header', () => undefined, 'Not authenticated'],
      ['another scheme', () => 'Basic YWxpY2U6c2VjcmV0', 'Not authenticated'],
      ['a token that is no JWT', () => 'Bearer not-a-jwt', 'Invalid token format'],
      ['an expired token', () => `Bearer ${oidc.mintFor('publisher', { expiresInSeconds: -120 })}`, 'Expired token'],
      ['a token not valid yet', () => `Bearer ${oidc.mintFor('publisher', { notBefore: 600 })}`, 'Invalid token timestamp'],
      ['a wrong issuer', () => `Bearer ${oidc.mintFor('publisher', { issuer: 'https://evil.example/realms/zmp' })}`, 'Token issuer not accepted (expected <issuer>)'],
      ['a wrong audience', () => `Bearer ${oidc.mintFor('publisher', { audience: 'account' })}`, 'Token audience not accepted (expected zmp-client)'],
      ['an ID token (typ ID)', () => `Bearer ${oidc.mint({ ...oidc.claimsFor('publisher'), typ: 'ID' })}`, 'Invalid token'],
      [
        'a tampered payload',
        () => {
          const [header, , signature] = segments(oidc.mintFor('viewer'));
          return `Bearer ${header}.${b64({ ...payloadOf(oidc.mintFor('viewer')), realm_access: { roles: ['manual-admin'] } })}.${signature}`;
        },
        'Invalid token',
      ],
      [
        'alg none',
        () => `Bearer ${b64({ alg: 'none', typ: 'JWT', kid: oidc.currentKid })}.${b64(payloadOf(oidc.mintFor('admin')))}.`,
        'Invalid token',
      ],
      [
        'an unknown kid',
        () => {
          const [, payload, signature] = segments(oidc.mintFor('admin'));
          return `Bearer ${b64({ alg: 'RS256', typ: 'JWT', kid: 'not-published' })}.${payload}.${signature}`;
        },
        'Invalid token',
      ],
      [
        'no kid',
        () => {
          const [, payload, signature] = segments(oidc.mintFor('admin'));
          return `Bearer ${b64({ alg: 'RS256', typ: 'JWT' })}.${payload}.${signature}`;
        },
        'Invalid token',
      ],
    ];

    it.each(refusals)('%s', async (_case, header, detail) => {
      const value = header();
      const { status, body, headers } = await call(`${api.base}/probe/user`, value === undefined ? {} : { headers: { authorization: value } });
      expect(status).toBe(401);
      expect(body['detail']).toBe(detail.replace('<issuer>', oidc.issuer));
      expect(body['error_id']).toEqual(expect.any(String));
      expect(headers.get('www-authenticate')).toBe('Bearer');
    });

    it('an HS256 token signed with the public key of a published kid (algorithm confusion)', async () => {
      const { body: jwks } = await call(oidc.jwksUrl);
      const jwk = (jwks['keys'] as Json[]).find((key) => key['kid'] === oidc.currentKid) as JsonWebKey;
      const pem = createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
      const forged = hs256({ alg: 'HS256', typ: 'JWT', kid: oidc.currentKid }, payloadOf(oidc.mintFor('admin')), pem);
      const { status, body } = await call(`${api.base}/probe/admin`, { token: forged });
      expect([status, body['detail']]).toEqual([401, 'Invalid token']);
    });
  });

  describe('roles', () => {
    it('needs the publisher role to publish, naming the configured role', async () => {
      const viewer = await call(`${api.base}/probe/publish`, { method: 'POST', token: oidc.mintFor('viewer') });
      expect(viewer.status).toBe(403);
      expect(viewer.body['detail']).toBe('This needs the manual-publisher role');
      expect((await call(`${api.base}/probe/publish`, { method: 'POST', token: oidc.mintFor('publisher') })).body).toEqual({ by: 'publisher' });
    });

    it('needs the admin role for admin routes; an admin is a publisher too', async () => {
      const publisher = await call(`${api.base}/probe/admin`, { token: oidc.mintFor('publisher') });
      expect([publisher.status, publisher.body['detail']]).toEqual([403, 'This needs the manual-admin role']);
      expect((await call(`${api.base}/probe/admin`, { token: oidc.mintFor('admin') })).status).toBe(200);
      expect((await call(`${api.base}/probe/publish`, { method: 'POST', token: oidc.mintFor('admin') })).status).toBe(201);
    });

    it("counts client roles of AUTH_ROLES_CLIENT (the client id) and not another client's", async () => {
      const ours = oidc.mintFor({ username: 'carol', clientRoles: ['manual-publisher'] });
      expect((await call(`${api.base}/probe/publish`, { method: 'POST', token: ours })).status).toBe(201);
      const theirs = oidc.mint({ preferred_username: 'dave', resource_access: { 'other-client': { roles: ['manual-publisher', 'manual-admin'] } } });
      expect((await call(`${api.base}/probe/publish`, { method: 'POST', token: theirs })).status).toBe(403);
    });

    it('lets @Public() routes pass without looking at the header', async () => {
      expect((await call(`${api.base}/probe/public`)).body).toEqual({ ok: true });
      expect((await call(`${api.base}/probe/public`, { headers: { authorization: 'Bearer garbage' } })).status).toBe(200);
    });
  });

  describe('key rotation', () => {
    it('accepts tokens of a new key without restart, refetching the JWKS at most once per 30 s for unknown kids', async () => {
      const oldToken = oidc.mintFor('viewer');
      expect((await call(`${api.base}/probe/user`, { token: oldToken })).status).toBe(200);
      skew += 31_000;
      oidc.resetStats();

      const first = oidc.rotateKeys();
      expect((await call(`${api.base}/probe/user`, { token: oidc.mintFor('viewer') })).status).toBe(200);
      expect(oidc.stats().certs).toBe(1);

      // Bogus kids and a second rotation inside the same window: refused, no further fetch.
      for (let i = 0; i < 5; i += 1) {
        const [, payload, signature] = segments(oidc.mintFor('viewer'));
        expect((await call(`${api.base}/probe/user`, { token: `${b64({ alg: 'RS256', typ: 'JWT', kid: `bogus-${i}` })}.${payload}.${signature}` })).status).toBe(401);
      }
      oidc.rotateKeys();
      const newest = oidc.mintFor('viewer');
      expect((await call(`${api.base}/probe/user`, { token: newest })).status).toBe(401);
      expect(oidc.stats().certs).toBe(1);

      // Once the window has passed, concurrent requests share one fetch.
      skew += 31_000;
      const answers = await Promise.all(Array.from({ length: 8 }, () => call(`${api.base}/probe/user`, { token: newest })));
      expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
      expect(oidc.stats().certs).toBe(2);

      // Keys still published keep verifying; a removed key stops once the cached set is older than 10 min.
      expect(headerOf(oldToken)['kid']).not.toBe(first);
      expect((await call(`${api.base}/probe/user`, { token: oldToken })).status).toBe(200);
      oidc.removeKey(headerOf(oldToken)['kid'] as string);
      skew += 11 * 60_000;
      const removed = await call(`${api.base}/probe/user`, { token: oldToken });
      expect([removed.status, removed.body['detail']]).toEqual([401, 'Invalid token']);
      expect(oidc.stats().certs).toBe(3);
    });
  });

  describe('SSE tickets', () => {
    const issue = async (username: string) => {
      const { status, body, headers } = await call(`${api.base}/auth/sse-ticket`, { method: 'POST', token: oidc.mintFor(username) });
      expect(status).toBe(200);
      expect(headers.get('cache-control')).toBe('no-store');
      return body;
    };

    it('issues a ticket that works once, on @AllowTicket() routes only', async () => {
      const body = await issue('publisher');
      expect(Object.keys(body).sort()).toEqual(['expires_in', 'ticket']);
      expect(body['expires_in']).toBe(60);
      const ticket = body['ticket'] as string;
      expect(ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);

      const elsewhere = await call(`${api.base}/probe/user?ticket=${ticket}`);
      expect([elsewhere.status, elsewhere.body['detail']]).toEqual([401, 'Not authenticated']);

      expect(await call(`${api.base}/probe/stream?ticket=${ticket}`)).toMatchObject({ status: 200, body: { by: 'publisher' } });
      const again = await call(`${api.base}/probe/stream?ticket=${ticket}`);
      expect([again.status, again.body['detail']]).toEqual([401, 'Invalid or expired ticket']);
      expect(again.headers.get('www-authenticate')).toBe('Bearer');
    });

    it('keeps only the SHA-256 of the ticket in Redis, with the TTL, holding the user', async () => {
      const ticket = (await issue('admin'))['ticket'] as string;
      const key = `${api.config.keyPrefix}auth:ticket:${createHash('sha256').update(ticket).digest('hex')}`;
      expect(await api.redis.ttl(key)).toBeGreaterThan(55);
      expect(JSON.parse((await api.redis.get(key)) ?? 'null')).toMatchObject({ username: 'admin', isAdmin: true, isPublisher: true });
      const keys = await api.redis.keys(`${api.config.keyPrefix}*`);
      expect(keys.some((name) => name.includes(ticket))).toBe(false);
    });

    it('refuses an unknown or malformed ticket, and a ticket request without a token', async () => {
      expect((await call(`${api.base}/probe/stream?ticket=${'A'.repeat(43)}`)).status).toBe(401);
      expect((await call(`${api.base}/probe/stream?ticket=`)).body['detail']).toBe('Invalid or expired ticket');
      expect((await call(`${api.base}/probe/stream`, { token: oidc.mintFor('viewer') })).body).toEqual({ by: 'viewer' });
      expect((await call(`${api.base}/auth/sse-ticket`, { method: 'POST' })).status).toBe(401);
    });
  });

  describe('GET /auth/docs/oauth2-redirect', () => {
    it("exchanges the code at Keycloak's token endpoint and returns its JSON as it came", async () => {
      oidc.resetStats();
      const code = oidc.issueCode('publisher', { redirectUri: REDIRECT_URI });
      const { status, body, headers } = await call(`${api.base}/auth/docs/oauth2-redirect?code=${encodeURIComponent(code)}`);
      expect(status).toBe(200);
      expect(headers.get('cache-control')).toBe('no-store');
      expect(Object.keys(body)).toEqual(['access_token', 'expires_in', 'refresh_expires_in', 'refresh_token', 'token_type', 'id_token', 'not-before-policy', 'session_state', 'scope']);
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 300, scope: 'openid profile email' });
      expect(oidc.stats().token).toBe(1);
      const me = await call(`${api.base}/auth/me`, { token: body['access_token'] as string });
      expect(me.body['username']).toBe('publisher');

      const reused = await call(`${api.base}/auth/docs/oauth2-redirect?code=${encodeURIComponent(code)}`);
      expect([reused.status, reused.body['detail']]).toEqual([401, 'Invalid token']);
    });

    it('sends KEYCLOAK_REDIRECT_URI: a code issued for another redirect is refused', async () => {
      const code = oidc.issueCode('publisher', { redirectUri: 'http://127.0.0.1:9/elsewhere' });
      const { status, body } = await call(`${api.base}/auth/docs/oauth2-redirect?code=${encodeURIComponent(code)}`);
      expect([status, body['detail']]).toEqual([401, 'Invalid token']);
    });

    it('answers 422 FastAPI-style without a code', async () => {
      const { status, body } = await call(`${api.base}/auth/docs/oauth2-redirect`);
      expect(status).toBe(422);
      expect(body['detail']).toEqual([{ loc: ['query', 'code'], msg: 'Field required', type: 'missing' }]);
    });
  });
});

describe('auth in keycloak mode with the issuer unreachable', () => {
  let api: AuthTestApp;
  let oidc: OidcEmulator;
  let serverUrl: string;

  beforeAll(async () => {
    oidc = await startOidcEmulator();
    serverUrl = `http://127.0.0.1:${await closedPort()}`;
    api = await startAuthTestApp({ AUTH_MODE: 'keycloak', KEYCLOAK_SERVER_URL: serverUrl, KEYCLOAK_REALM: 'zmp', KEYCLOAK_REDIRECT_URI: REDIRECT_URI }, { timeoutMs: 1_000 });
  });

  afterAll(async () => {
    await api?.close();
    await oidc?.stop();
  });

  it('answers 503 when no key could be fetched (not the caller’s fault)', async () => {
    const token = oidc.mintFor('admin', { issuer: `${serverUrl}/realms/zmp` });
    const { status, body } = await call(`${api.base}/probe/user`, { token });
    expect(status).toBe(503);
    expect(body['detail']).toBe("Authentication is unavailable: The token issuer's keys (AUTH_JWKS_URL) could not be fetched; retry later");
  });

  it('answers 502 when Keycloak cannot be reached for a code exchange', async () => {
    const { status, body } = await call(`${api.base}/auth/docs/oauth2-redirect?code=abc`);
    expect([status, body['detail']]).toEqual([502, 'The identity provider (KEYCLOAK_SERVER_URL) could not be reached; retry later']);
  });
});
