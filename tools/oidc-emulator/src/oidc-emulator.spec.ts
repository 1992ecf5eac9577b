import { createHash, createPublicKey, verify } from 'node:crypto';
import type { JsonWebKey } from 'node:crypto';
import type { OidcEmulator } from './index';
import { startOidcEmulator } from './index';

type Json = Record<string, unknown>;

const decode = (segment: string): Json => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Json;
const claimsOf = (token: string): Json => decode(token.split('.')[1]);
const headerOf = (token: string): Json => decode(token.split('.')[0]);

async function getJson(url: string, init?: RequestInit): Promise<{ status: number; body: Json; headers: Headers }> {
  const response = await fetch(url, init);
  return { status: response.status, body: (await response.json()) as Json, headers: response.headers };
}

function postForm(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return getJson(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Verifies a token's RS256 signature with the key the JWKS publishes for its kid. */
async function verifiedByJwks(emulator: OidcEmulator, token: string): Promise<boolean> {
  const { body } = await getJson(emulator.jwksUrl);
  const jwk = (body['keys'] as Json[]).find((key) => key['kid'] === headerOf(token)['kid'] && key['use'] === 'sig');
  if (jwk === undefined) return false;
  const [header, payload, signature] = token.split('.');
  const key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
  return verify('sha256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'));
}

describe('oidc-emulator over HTTP', () => {
  let oidc: OidcEmulator;
  const client = () => ({ client_id: oidc.clientId, client_secret: oidc.clientSecret ?? '' });

  beforeAll(async () => {
    oidc = await startOidcEmulator({ port: 0 });
  });

  afterAll(() => oidc.stop());

  beforeEach(() => oidc.resetStats());

  it('publishes the discovery document with its endpoints', async () => {
    const { status, body } = await getJson(`${oidc.issuer}/.well-known/openid-configuration`);
    expect(status).toBe(200);
    expect(oidc.issuer).toBe(`${oidc.url}/realms/zmp`);
    expect(body).toMatchObject({
      issuer: oidc.issuer,
      authorization_endpoint: `${oidc.issuer}/protocol/openid-connect/auth`,
      token_endpoint: `${oidc.issuer}/protocol/openid-connect/token`,
      userinfo_endpoint: `${oidc.issuer}/protocol/openid-connect/userinfo`,
      jwks_uri: `${oidc.issuer}/protocol/openid-connect/certs`,
      id_token_signing_alg_values_supported: ['RS256'],
    });
    expect([oidc.jwksUrl, oidc.tokenUrl, oidc.authorizationUrl, oidc.userinfoUrl]).toEqual([body['jwks_uri'], body['token_endpoint'], body['authorization_endpoint'], body['userinfo_endpoint']]);
    expect(oidc.stats()).toMatchObject({ discovery: 1, certs: 0 });
  });

  it('publishes the signing key as an RS256 JWK, and an encryption key as Keycloak does', async () => {
    const { status, body } = await getJson(oidc.jwksUrl);
    expect(status).toBe(200);
    const keys = body['keys'] as Json[];
    expect(keys.map((key) => [key['kid'], key['kty'], key['alg'], key['use']])).toEqual([
      [oidc.currentKid, 'RSA', 'RS256', 'sig'],
      [expect.any(String), 'RSA', 'RSA-OAEP', 'enc'],
    ]);
    expect(Object.keys(keys[0]).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    expect(keys[0]['e']).toBe('AQAB');
    expect(Buffer.from(keys[0]['n'] as string, 'base64url')).toHaveLength(256);
    expect(oidc.stats().certs).toBe(1);
  });

  it('mints RS256 tokens with Keycloak claims; claims and options override the defaults', async () => {
    const token = oidc.mint({ preferred_username: 'alice', email: 'alice@example.com', realm_access: { roles: ['manual-publisher'] } });
    expect(headerOf(token)).toEqual({ alg: 'RS256', typ: 'JWT', kid: oidc.currentKid });
    expect(await verifiedByJwks(oidc, token)).toBe(true);
    const claims = claimsOf(token);
    expect(claims).toMatchObject({ iss: oidc.issuer, aud: 'zmp-client', azp: 'zmp-client', typ: 'Bearer', preferred_username: 'alice', email: 'alice@example.com', realm_access: { roles: ['manual-publisher'] } });
    expect(claims['sub']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((claims['exp'] as number) - (claims['iat'] as number)).toBe(300);
    expect(claims['nbf']).toBeUndefined();

    const custom = claimsOf(oidc.mint({ aud: 'ignored', iss: 'ignored' }, { expiresInSeconds: -10, audience: ['a', 'b'], issuer: 'https://other', notBefore: 5 }));
    expect(custom).toMatchObject({ aud: ['a', 'b'], iss: 'https://other' });
    expect(custom['exp']).toBe((custom['iat'] as number) - 10);
    expect(custom['nbf']).toBe((custom['iat'] as number) + 5);
  });

  it('gives a configured user its identity and roles (realm and client)', () => {
    const claims = claimsOf(oidc.mintFor({ username: 'eve', email: 'eve@example.com', firstName: 'Eve', lastName: 'Ng', realmRoles: ['r1'], clientRoles: ['c1'] }));
    expect(claims).toMatchObject({
      preferred_username: 'eve',
      email: 'eve@example.com',
      email_verified: true,
      name: 'Eve Ng',
      given_name: 'Eve',
      family_name: 'Ng',
      realm_access: { roles: ['r1', 'default-roles-zmp', 'offline_access', 'uma_authorization'] },
      resource_access: { 'zmp-client': { roles: ['c1'] }, account: { roles: ['manage-account', 'manage-account-links', 'view-profile'] } },
    });
    expect(oidc.claimsFor('admin')).toMatchObject({ preferred_username: 'admin', realm_access: { roles: expect.arrayContaining(['manual-admin']) } });
    expect(() => oidc.mintFor('nobody')).toThrow('no user "nobody" in the realm');
  });

  it('rotates keys: the old key stays published until removed', async () => {
    const first = oidc.currentKid;
    const oldToken = oidc.mint({ preferred_username: 'alice' });
    const second = oidc.rotateKeys();
    expect(second).not.toBe(first);
    expect(oidc.currentKid).toBe(second);
    expect(oidc.kids()).toEqual([first, second]);
    const fresh = oidc.mint({ preferred_username: 'alice' });
    expect(headerOf(fresh)['kid']).toBe(second);
    expect(await verifiedByJwks(oidc, fresh)).toBe(true);
    expect(await verifiedByJwks(oidc, oldToken)).toBe(true);
    expect(headerOf(oidc.mint({}, { kid: first }))['kid']).toBe(first);

    expect(() => oidc.removeKey(second)).toThrow('the current key cannot be removed');
    oidc.removeKey(first);
    expect(oidc.kids()).toEqual([second]);
    expect(await verifiedByJwks(oidc, oldToken)).toBe(false);
    expect(() => oidc.mint({}, { kid: first })).toThrow(`no published key has kid "${first}"`);
    expect(oidc.stats().certs).toBe(3);
  });

  describe('authorization_code grant', () => {
    const redirectUri = 'http://127.0.0.1:9/callback';

    it("exchanges a one-time code for Keycloak's token JSON", async () => {
      const code = oidc.issueCode('publisher', { redirectUri });
      const { status, body, headers } = await postForm(oidc.tokenUrl, { grant_type: 'authorization_code', code, redirect_uri: redirectUri, ...client() });
      expect(status).toBe(200);
      expect(headers.get('cache-control')).toBe('no-store');
      expect(Object.keys(body)).toEqual(['access_token', 'expires_in', 'refresh_expires_in', 'refresh_token', 'token_type', 'id_token', 'not-before-policy', 'session_state', 'scope']);
      expect(body).toMatchObject({ expires_in: 300, refresh_expires_in: 1800, token_type: 'Bearer', 'not-before-policy': 0, scope: 'openid profile email' });
      const access = claimsOf(body['access_token'] as string);
      expect(access).toMatchObject({ preferred_username: 'publisher', typ: 'Bearer', session_state: body['session_state'], realm_access: { roles: expect.arrayContaining(['manual-publisher']) } });
      expect(await verifiedByJwks(oidc, body['access_token'] as string)).toBe(true);
      const id = claimsOf(body['id_token'] as string);
      expect(id).toMatchObject({ typ: 'ID', aud: 'zmp-client', preferred_username: 'publisher', email: 'publisher@example.com' });
      expect(id['realm_access']).toBeUndefined();
      expect(claimsOf(body['refresh_token'] as string)).toMatchObject({ typ: 'Refresh', aud: oidc.issuer });

      const again = await postForm(oidc.tokenUrl, { grant_type: 'authorization_code', code, redirect_uri: redirectUri, ...client() });
      expect(again).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_description: 'Code not valid' } });
    });

    it('accepts client_secret_basic', async () => {
      const code = oidc.issueCode('viewer');
      const basic = Buffer.from(`${oidc.clientId}:${oidc.clientSecret}`).toString('base64');
      const { status } = await postForm(oidc.tokenUrl, { grant_type: 'authorization_code', code, redirect_uri: 'http://anything' }, { authorization: `Basic ${basic}` });
      expect(status).toBe(200);
    });

    it('refuses a wrong client secret, an unknown client and a different redirect_uri', async () => {
      const wrongSecret = await postForm(oidc.tokenUrl, { grant_type: 'authorization_code', code: oidc.issueCode('viewer'), client_id: oidc.clientId, client_secret: 'nope' });
      expect(wrongSecret).toMatchObject({ status: 401, body: { error: 'invalid_client', error_description: 'Invalid client or Invalid client credentials' } });
      const unknown = await postForm(oidc.tokenUrl, { grant_type: 'authorization_code', code: oidc.issueCode('viewer'), client_id: 'other', client_secret: oidc.clientSecret ?? '' });
      expect(unknown.status).toBe(401);
      const code = oidc.issueCode('viewer', { redirectUri });
      const moved = await postForm(oidc.tokenUrl, { grant_type: 'authorization_code', code, redirect_uri: 'http://127.0.0.1:9/elsewhere', ...client() });
      expect(moved).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_description: 'Incorrect redirect_uri' } });
      const missing = await postForm(oidc.tokenUrl, { grant_type: 'authorization_code', ...client() });
      expect(missing).toMatchObject({ status: 400, body: { error: 'invalid_request', error_description: 'Missing parameter: code' } });
    });
  });

  describe('authorization endpoint (auto-login)', () => {
    const redirectUri = 'http://127.0.0.1:9/api/manual/v1/auth/docs/oauth2-redirect';
    const authorize = (params: Record<string, string>) => fetch(`${oidc.authorizationUrl}?${new URLSearchParams(params).toString()}`, { redirect: 'manual' });

    it('redirects back with state and a code for the default user, checked with PKCE', async () => {
      const verifier = 'a-verifier-with-enough-entropy-0123456789-abcdefghijkl';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      const response = await authorize({ client_id: 'zmp-client', redirect_uri: redirectUri, response_type: 'code', state: 's-1', scope: 'openid', nonce: 'n-1', code_challenge: challenge, code_challenge_method: 'S256' });
      expect(response.status).toBe(302);
      const location = new URL(response.headers.get('location') ?? '');
      expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
      expect([...location.searchParams.keys()]).toEqual(['state', 'session_state', 'iss', 'code']);
      expect(location.searchParams.get('state')).toBe('s-1');
      expect(location.searchParams.get('iss')).toBe(oidc.issuer);
      const code = location.searchParams.get('code') ?? '';

      const exchanged = await postForm(oidc.tokenUrl, { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier, ...client() });
      expect(exchanged.status).toBe(200);
      expect(claimsOf(exchanged.body['access_token'] as string)['preferred_username']).toBe('admin');
      expect(claimsOf(exchanged.body['id_token'] as string)['nonce']).toBe('n-1');
      expect(oidc.stats()).toMatchObject({ authorize: 1, token: 1 });
    });

    it('refuses a PKCE exchange without or with a wrong verifier', async () => {
      const codeFor = async () => {
        const response = await authorize({ client_id: 'zmp-client', redirect_uri: redirectUri, response_type: 'code', code_challenge: 'x'.repeat(43), code_challenge_method: 'S256' });
        return new URL(response.headers.get('location') ?? '').searchParams.get('code') ?? '';
      };
      const without = await postForm(oidc.tokenUrl, { grant_type: 'authorization_code', code: await codeFor(), redirect_uri: redirectUri, ...client() });
      expect(without).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_description: 'PKCE code verifier not specified' } });
      const wrong = await postForm(oidc.tokenUrl, { grant_type: 'authorization_code', code: await codeFor(), redirect_uri: redirectUri, code_verifier: 'wrong', ...client() });
      expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_description: 'PKCE verification failed: Code mismatch' } });
    });

    it('logs in the login_hint user; without openid scope there is no id_token', async () => {
      const response = await authorize({ client_id: 'zmp-client', redirect_uri: redirectUri, response_type: 'code', login_hint: 'viewer' });
      const code = new URL(response.headers.get('location') ?? '').searchParams.get('code') ?? '';
      const { body } = await postForm(oidc.tokenUrl, { grant_type: 'authorization_code', code, redirect_uri: redirectUri, ...client() });
      expect(claimsOf(body['access_token'] as string)['preferred_username']).toBe('viewer');
      expect(body['scope']).toBe('profile email');
      expect(body['id_token']).toBeUndefined();
    });

    it('answers errors: unknown client 400, unsupported response_type back to the client', async () => {
      const unknown = await authorize({ client_id: 'other', redirect_uri: redirectUri, response_type: 'code' });
      expect(unknown.status).toBe(400);
      expect(await unknown.json()).toEqual({ error: 'invalid_request', error_description: 'Client not found.' });
      const badRedirect = await authorize({ client_id: 'zmp-client', redirect_uri: 'javascript:alert(1)', response_type: 'code' });
      expect(badRedirect.status).toBe(400);
      const implicit = await authorize({ client_id: 'zmp-client', redirect_uri: redirectUri, response_type: 'token', state: 's' });
      const location = new URL(implicit.headers.get('location') ?? '');
      expect(Object.fromEntries(location.searchParams)).toEqual({ state: 's', error: 'unsupported_response_type', error_description: 'Only response_type=code is supported' });
    });
  });

  describe('password, refresh_token and client_credentials grants', () => {
    it('logs a user in with its password, and refuses a wrong one with 401', async () => {
      const ok = await postForm(oidc.tokenUrl, { grant_type: 'password', username: 'publisher', password: 'publisher', scope: 'openid', ...client() });
      expect(ok.status).toBe(200);
      expect(ok.body['id_token']).toEqual(expect.any(String));
      expect(claimsOf(ok.body['access_token'] as string)['preferred_username']).toBe('publisher');
      const bad = await postForm(oidc.tokenUrl, { grant_type: 'password', username: 'publisher', password: 'nope', ...client() });
      expect(bad).toMatchObject({ status: 401, body: { error: 'invalid_grant', error_description: 'Invalid user credentials' } });
      const nobody = await postForm(oidc.tokenUrl, { grant_type: 'password', username: 'nobody', password: 'x', ...client() });
      expect(nobody.status).toBe(401);
    });

    it('refreshes a session, and refuses a token that is not a refresh token', async () => {
      const login = await postForm(oidc.tokenUrl, { grant_type: 'password', username: 'admin', password: 'admin', ...client() });
      const refreshed = await postForm(oidc.tokenUrl, { grant_type: 'refresh_token', refresh_token: login.body['refresh_token'] as string, ...client() });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body['session_state']).toBe(login.body['session_state']);
      expect(claimsOf(refreshed.body['access_token'] as string)['preferred_username']).toBe('admin');
      const wrongType = await postForm(oidc.tokenUrl, { grant_type: 'refresh_token', refresh_token: login.body['access_token'] as string, ...client() });
      expect(wrongType).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_description: 'Invalid refresh token' } });
    });

    it("gives the client's service account a token without refresh token", async () => {
      const { status, body } = await postForm(oidc.tokenUrl, { grant_type: 'client_credentials', ...client() });
      expect(status).toBe(200);
      expect(body['refresh_token']).toBeUndefined();
      expect(body['refresh_expires_in']).toBe(0);
      expect(claimsOf(body['access_token'] as string)['preferred_username']).toBe('service-account-zmp-client');
      const noSecret = await postForm(oidc.tokenUrl, { grant_type: 'client_credentials', client_id: oidc.clientId });
      expect(noSecret.status).toBe(401);
    });

    it('refuses unsupported and missing grant types and non-form bodies', async () => {
      expect(await postForm(oidc.tokenUrl, { grant_type: 'implicit', ...client() })).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
      expect(await postForm(oidc.tokenUrl, client())).toMatchObject({ status: 400, body: { error: 'invalid_request', error_description: 'Missing parameter: grant_type' } });
      const json = await getJson(oidc.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(json.status).toBe(400);
    });
  });

  it('answers userinfo for a valid access token only', async () => {
    const token = oidc.mintFor('publisher');
    const { status, body } = await getJson(oidc.userinfoUrl, { headers: { authorization: `Bearer ${token}` } });
    expect(status).toBe(200);
    expect(body).toEqual({ sub: claimsOf(token)['sub'], email_verified: true, name: 'Pat Publisher', preferred_username: 'publisher', given_name: 'Pat', family_name: 'Publisher', email: 'publisher@example.com' });
    for (const bad of [oidc.mintFor('publisher', { expiresInSeconds: -1 }), `${token.slice(0, -4)}AAAA`, 'garbage']) {
      const refused = await getJson(oidc.userinfoUrl, { headers: { authorization: `Bearer ${bad}` } });
      expect(refused.status).toBe(401);
      expect(refused.body).toEqual({ error: 'invalid_token', error_description: 'Token verification failed' });
      expect(refused.headers.get('www-authenticate')).toContain('Bearer');
    }
  });

  it('answers 404 for unknown paths and realms, 405 for a wrong method, and CORS preflights', async () => {
    expect((await getJson(`${oidc.issuer}/nope`)).status).toBe(404);
    expect((await getJson(`${oidc.url}/realms/other/protocol/openid-connect/certs`)).body).toEqual({ error: 'Realm does not exist', error_description: 'Realm does not exist' });
    const wrongMethod = await getJson(oidc.tokenUrl);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    const preflight = await fetch(oidc.tokenUrl, { method: 'OPTIONS', headers: { origin: 'http://ui.test', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://ui.test');
    expect(oidc.stats()).toMatchObject({ other: 2, token: 2 });
  });
});

describe('oidc-emulator options', () => {
  it('expires codes after codeLifespanSeconds (own clock)', async () => {
    let now = Date.parse('2030-01-01T00:00:00Z');
    const oidc = await startOidcEmulator({ clock: () => now, codeLifespanSeconds: 10, clientSecret: null, realm: 'other', users: [{ username: 'u' }] });
    try {
      const code = oidc.issueCode('u');
      now += 11_000;
      const { status, body } = await postForm(oidc.tokenUrl, { grant_type: 'authorization_code', code, client_id: oidc.clientId });
      expect(status).toBe(400);
      expect(body['error_description']).toBe('Code not valid');
      const fresh = await postForm(oidc.tokenUrl, { grant_type: 'authorization_code', code: oidc.issueCode('u'), client_id: oidc.clientId });
      expect(fresh.status).toBe(200);
      expect(claimsOf(fresh.body['access_token'] as string)['iat']).toBe(now / 1000);
    } finally {
      await oidc.stop();
    }
  });

  it.each([
    [{ port: -1 }, 'port must be an integer 0-65535'],
    [{ realm: 'a/b' }, 'realm must be letters'],
    [{ users: [] }, 'users must not be empty'],
    [{ users: [{ username: 'a' }, { username: 'a' }] }, 'distinct usernames'],
    [{ defaultUser: 'ghost' }, 'defaultUser "ghost" is not one of the users'],
    [{ clientSecret: '' }, 'clientSecret must not be empty'],
    [{ accessTokenLifespanSeconds: 0 }, 'accessTokenLifespanSeconds must be a positive integer'],
  ])('refuses %j', async (options, message) => {
    await expect(startOidcEmulator(options)).rejects.toThrow(message);
  });
});
