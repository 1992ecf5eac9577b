import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { handleAuthorize } from './authorize.handler';
import { CodeStore } from './codes';
import type { EmulatorContext, Handler, RealmUrls } from './context';
import { handleCerts, handleDiscovery } from './discovery.handler';
import { OidcError, methodNotAllowed, notFound, realmNotFound } from './errors';
import { sendJson } from './http-io';
import { KeyRing } from './keys';
import type { OidcEmulator, OidcEmulatorOptions } from './options';
import { resolveSettings } from './options';
import { Realm } from './realm';
import type { Endpoint } from './stats';
import { StatsCounter } from './stats';
import { handleToken } from './token.handler';
import { handleUserinfo } from './userinfo.handler';

interface Route {
  endpoint: Endpoint;
  methods: readonly string[];
  handler: Handler;
}

const ROUTES: Readonly<Record<string, Route>> = {
  '/.well-known/openid-configuration': { endpoint: 'discovery', methods: ['GET'], handler: handleDiscovery },
  '/protocol/openid-connect/certs': { endpoint: 'certs', methods: ['GET'], handler: handleCerts },
  '/protocol/openid-connect/token': { endpoint: 'token', methods: ['POST'], handler: handleToken },
  '/protocol/openid-connect/userinfo': { endpoint: 'userinfo', methods: ['GET', 'POST'], handler: handleUserinfo },
  '/protocol/openid-connect/auth': { endpoint: 'authorize', methods: ['GET'], handler: handleAuthorize },
};

/** Browsers call the token endpoint from other origins (Swagger UI's PKCE flow): allow any origin. */
function corsHeaders(request: IncomingMessage): Record<string, string> {
  const origin = request.headers.origin;
  if (origin === undefined) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': 'Authorization, Content-Type',
    vary: 'Origin',
  };
}

function sendError(request: IncomingMessage, response: ServerResponse, error: unknown): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const oidcError = error instanceof OidcError ? error : new OidcError(500, 'server_error', 'Unexpected error');
  // A body left unread (413) would be parsed as the next request: close the connection.
  const headers = request.complete ? oidcError.headers : { ...oidcError.headers, connection: 'close' };
  sendJson(response, oidcError.status, oidcError.toJSON(), headers);
}

async function dispatch(request: IncomingMessage, response: ServerResponse, context: EmulatorContext, stats: StatsCounter): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://emulator');
  const method = request.method ?? 'GET';
  for (const [name, value] of Object.entries(corsHeaders(request))) response.setHeader(name, value);
  const realmPrefix = `/realms/${context.realm.settings.realm}`;
  const route = url.pathname.startsWith(`${realmPrefix}/`) ? ROUTES[url.pathname.slice(realmPrefix.length)] : undefined;
  stats.count(route?.endpoint ?? 'other');
  try {
    if (method === 'OPTIONS') {
      response.writeHead(204, { 'content-length': 0 });
      response.end();
      return;
    }
    if (route === undefined) throw url.pathname.startsWith('/realms/') && !url.pathname.startsWith(`${realmPrefix}/`) ? realmNotFound() : notFound();
    if (!route.methods.includes(method)) throw methodNotAllowed(route.methods.join(', '));
    await route.handler({ request, response, url }, context);
  } catch (error) {
    sendError(request, response, error);
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('The emulator is not listening on TCP'));
      else resolve(address.port);
    });
  });
}

function realmUrls(url: string, realm: string): RealmUrls {
  const issuer = `${url}/realms/${realm}`;
  const oidc = `${issuer}/protocol/openid-connect`;
  return { issuer, authorization: `${oidc}/auth`, token: `${oidc}/token`, userinfo: `${oidc}/userinfo`, jwks: `${oidc}/certs`, endSession: `${oidc}/logout` };
}

/** Starts a Keycloak-like OpenID Connect issuer (see README.md). */
export async function startOidcEmulator(options: OidcEmulatorOptions = {}): Promise<OidcEmulator> {
  const settings = resolveSettings(options);
  const stats = new StatsCounter();
  const keys = new KeyRing();
  const codes = new CodeStore(settings.codeLifespanSeconds * 1000, settings.clock);
  // The issuer names the port, so requests are taken once the server listens and the realm exists.
  const server = createServer();
  const port = await listen(server, settings.port, settings.host);
  const url = `http://${settings.host.includes(':') ? `[${settings.host}]` : settings.host}:${port}`;
  const urls = realmUrls(url, settings.realm);
  const realm = new Realm(settings, urls.issuer, keys);
  const context: EmulatorContext = { realm, codes, urls };
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    void dispatch(request, response, context, stats);
  });

  let stopped: Promise<void> | undefined;
  return {
    url,
    port,
    realm: settings.realm,
    issuer: urls.issuer,
    jwksUrl: urls.jwks,
    tokenUrl: urls.token,
    authorizationUrl: urls.authorization,
    userinfoUrl: urls.userinfo,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    users: settings.users,
    get currentKid() {
      return keys.currentKid;
    },
    kids: () => keys.kids(),
    mint: (claims, mintOptions) => realm.mint(claims, mintOptions),
    mintFor: (user, mintOptions) => realm.mint(realm.claimsFor(realm.resolveUser(user)), mintOptions),
    claimsFor: (user) => realm.claimsFor(realm.resolveUser(user)),
    rotateKeys: () => keys.rotate(),
    removeKey: (kid) => keys.remove(kid),
    issueCode: (user, codeOptions) => codes.issue(realm.resolveUser(user), codeOptions),
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    stop: () => {
      stopped ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}
