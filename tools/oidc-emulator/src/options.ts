import type { OidcEmulatorStats } from './stats';

/** A user of the emulated realm: who `/auth` logs in, who the password grant accepts. */
export interface OidcUser {
  username: string;
  /** For the password grant; a user without one cannot log in that way. */
  password?: string;
  /** The token's `sub` (default: a stable UUID-shaped id derived from the username). */
  id?: string;
  email?: string | null;
  firstName?: string;
  lastName?: string;
  /** `realm_access.roles` (Keycloak's default realm roles are added). */
  realmRoles?: readonly string[];
  /** `resource_access[clientId].roles`. */
  clientRoles?: readonly string[];
}

export interface OidcEmulatorOptions {
  /** The realm in every path, `/realms/<realm>/…` (default `zmp`). */
  realm?: string;
  /** The one client of the realm (default `zmp-client`): the default `aud` and `azp` of tokens. */
  clientId?: string;
  /** The client's secret (default `zmp-client-secret`); `null` makes it a public client (no secret checked). */
  clientSecret?: string | null;
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string;
  /** The realm's users (default `DEFAULT_USERS`). */
  users?: readonly OidcUser[];
  /** Username `/auth` logs in when the request names no known `login_hint` (default: the first user). */
  defaultUser?: string;
  /** Lifetime of access and ID tokens (default 300 s, Keycloak's). */
  accessTokenLifespanSeconds?: number;
  /** Lifetime of refresh tokens (default 1800 s). */
  refreshTokenLifespanSeconds?: number;
  /** Lifetime of authorization codes (default 60 s). */
  codeLifespanSeconds?: number;
  /** Milliseconds since the epoch, for `iat`/`exp` and code expiry (default `Date.now`). */
  clock?: () => number;
}

/** Options of `mint`: they win over the claims given. */
export interface MintOptions {
  /** Sign with this published key (default: the current one). */
  kid?: string;
  /** `exp = iat + expiresInSeconds` (default the access token lifespan; negative = already expired). */
  expiresInSeconds?: number;
  /** `aud` (default the client id). */
  audience?: string | readonly string[];
  /** `iss` (default the realm's issuer). */
  issuer?: string;
  /** `nbf = iat + notBefore` seconds (default: no `nbf`). */
  notBefore?: number;
}

/** Binds an authorization code to what the authorization request said (all optional). */
export interface CodeOptions {
  /** The token request must send the same `redirect_uri` (default: any is accepted). */
  redirectUri?: string;
  /** Default `openid profile email`; `openid` in it adds an `id_token`. */
  scope?: string;
  /** Copied into the ID token. */
  nonce?: string;
  /** PKCE: the token request must send the matching `code_verifier`. */
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
}

/** JWT claims: any JSON values. */
export type Claims = Record<string, unknown>;

export interface OidcEmulator {
  /** `http://127.0.0.1:PORT`: what `KEYCLOAK_SERVER_URL` takes. */
  readonly url: string;
  readonly port: number;
  readonly realm: string;
  /** `${url}/realms/${realm}`: the `iss` of every token. */
  readonly issuer: string;
  readonly jwksUrl: string;
  readonly tokenUrl: string;
  readonly authorizationUrl: string;
  readonly userinfoUrl: string;
  readonly clientId: string;
  readonly clientSecret: string | null;
  readonly users: readonly OidcUser[];
  /** The kid new tokens are signed with. */
  readonly currentKid: string;
  /** Every published signing kid, oldest first. */
  kids(): string[];
  /** An RS256 access token with Keycloak's claims; `claims` override the defaults, `options` override both. */
  mint(claims?: Claims, options?: MintOptions): string;
  /** `mint` with a user's claims (`preferred_username`, `email`, roles…): a configured username or a user. */
  mintFor(user: string | OidcUser, options?: MintOptions): string;
  /** A user's identity and role claims, as they appear in its access tokens. */
  claimsFor(user: string | OidcUser): Claims;
  /** A new signing key becomes current; the old ones stay published until `removeKey`. Returns the new kid. */
  rotateKeys(): string;
  /** Stops publishing a key (not the current one). */
  removeKey(kid: string): void;
  /** A one-time authorization code for `user` (a configured username or a user), as `/auth` would redirect with. */
  issueCode(user: string | OidcUser, options?: CodeOptions): string;
  /** Requests received per endpoint since the start or the last `resetStats`. */
  stats(): OidcEmulatorStats;
  resetStats(): void;
  /** Closes the server and every open connection. */
  stop(): Promise<void>;
}

export const DEFAULT_REALM = 'zmp';
export const DEFAULT_CLIENT_ID = 'zmp-client';
export const DEFAULT_CLIENT_SECRET = 'zmp-client-secret';

/** Three users matching the API's default roles (`manual-admin`, `manual-publisher`) and one without a role. */
export const DEFAULT_USERS: readonly OidcUser[] = [
  { username: 'admin', password: 'admin', email: 'admin@example.com', firstName: 'Ada', lastName: 'Admin', realmRoles: ['manual-admin'] },
  { username: 'publisher', password: 'publisher', email: 'publisher@example.com', firstName: 'Pat', lastName: 'Publisher', realmRoles: ['manual-publisher'] },
  { username: 'viewer', password: 'viewer', email: 'viewer@example.com', firstName: 'Vic', lastName: 'Viewer' },
];

export interface EmulatorSettings {
  realm: string;
  clientId: string;
  clientSecret: string | null;
  port: number;
  host: string;
  users: readonly OidcUser[];
  defaultUser: OidcUser;
  accessTokenLifespanSeconds: number;
  refreshTokenLifespanSeconds: number;
  codeLifespanSeconds: number;
  clock: () => number;
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new TypeError(`${name} must be a positive integer`);
  return value;
}

function nonEmpty(value: string, name: string): string {
  if (value === '') throw new TypeError(`${name} must not be empty`);
  return value;
}

/** Fills in the defaults and rejects bad values with a TypeError naming the option. */
export function resolveSettings(options: OidcEmulatorOptions): EmulatorSettings {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError('port must be an integer 0-65535');
  const realm = nonEmpty(options.realm ?? DEFAULT_REALM, 'realm');
  if (!/^[A-Za-z0-9_.-]+$/.test(realm)) throw new TypeError('realm must be letters, digits and _ . -');
  const users = [...(options.users ?? DEFAULT_USERS)];
  if (users.length === 0) throw new TypeError('users must not be empty');
  const names = new Set(users.map((user) => nonEmpty(user.username, 'users[].username')));
  if (names.size !== users.length) throw new TypeError('users must have distinct usernames');
  const defaultUser = options.defaultUser === undefined ? users[0] : users.find((user) => user.username === options.defaultUser);
  if (defaultUser === undefined) throw new TypeError(`defaultUser "${options.defaultUser}" is not one of the users`);
  const clientSecret = options.clientSecret === undefined ? DEFAULT_CLIENT_SECRET : options.clientSecret;
  if (clientSecret === '') throw new TypeError('clientSecret must not be empty (null makes a public client)');
  return {
    realm,
    clientId: nonEmpty(options.clientId ?? DEFAULT_CLIENT_ID, 'clientId'),
    clientSecret,
    port,
    host: options.host ?? '127.0.0.1',
    users,
    defaultUser,
    accessTokenLifespanSeconds: positiveInteger(options.accessTokenLifespanSeconds ?? 300, 'accessTokenLifespanSeconds'),
    refreshTokenLifespanSeconds: positiveInteger(options.refreshTokenLifespanSeconds ?? 1800, 'refreshTokenLifespanSeconds'),
    codeLifespanSeconds: positiveInteger(options.codeLifespanSeconds ?? 60, 'codeLifespanSeconds'),
    clock: options.clock ?? Date.now,
  };
}
