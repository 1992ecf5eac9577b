import { createHash, randomUUID } from 'node:crypto';
import { signJwt, verifyJwt } from './jwt';
import type { KeyRing } from './keys';
import type { Claims, EmulatorSettings, MintOptions, OidcUser } from './options';

/** A login: who, with what scope. Refresh tokens point to it by `sid`. */
export interface Session {
  user: OidcUser;
  scope: string;
}

/** What a token response is for: the user (or service account), its session and what was asked. */
export interface Grant extends Session {
  sessionState: string;
  nonce?: string;
  /** Whether a refresh token is part of the answer (not for client_credentials, as Keycloak). */
  refresh: boolean;
}

/** Keycloak's token endpoint answer. */
export interface TokenResponse {
  access_token: string;
  expires_in: number;
  refresh_expires_in: number;
  refresh_token?: string;
  token_type: 'Bearer';
  id_token?: string;
  'not-before-policy': number;
  session_state: string;
  scope: string;
}

export const DEFAULT_SCOPE = 'openid profile email';

/** A stable UUID-shaped `sub` for a username. */
export function subjectOf(username: string): string {
  const hex = createHash('sha256').update(`oidc-emulator:${username}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The realm: its users, keys and token shapes. Every endpoint and the programmatic API go through it. */
export class Realm {
  private readonly sessions = new Map<string, Session>();

  constructor(
    readonly settings: EmulatorSettings,
    readonly issuer: string,
    readonly keys: KeyRing,
  ) {}

  nowSeconds(): number {
    return Math.floor(this.settings.clock() / 1000);
  }

  findUser(username: string): OidcUser | undefined {
    return this.settings.users.find((user) => user.username === username);
  }

  /** A configured user by name, or the given user as is. Throws for an unknown username. */
  resolveUser(user: string | OidcUser): OidcUser {
    if (typeof user !== 'string') return user;
    const found = this.findUser(user);
    if (found === undefined) throw new Error(`no user "${user}" in the realm`);
    return found;
  }

  /** Identity and role claims of a user, as in its access tokens. */
  claimsFor(user: OidcUser): Claims {
    const name = [user.firstName, user.lastName].filter((part) => part !== undefined && part !== '').join(' ');
    const claims: Claims = {
      sub: user.id ?? subjectOf(user.username),
      preferred_username: user.username,
      email_verified: user.email !== undefined && user.email !== null,
      realm_access: { roles: [...(user.realmRoles ?? []), ...this.defaultRealmRoles()] },
      resource_access: { ...this.accountAccess(), [this.settings.clientId]: { roles: [...(user.clientRoles ?? [])] } },
    };
    if (name !== '') claims['name'] = name;
    if (user.firstName !== undefined) claims['given_name'] = user.firstName;
    if (user.lastName !== undefined) claims['family_name'] = user.lastName;
    if (user.email !== undefined && user.email !== null) claims['email'] = user.email;
    return claims;
  }

  /** An access token: Keycloak's default claims, then `claims`, then `options`. */
  mint(claims: Claims = {}, options: MintOptions = {}): string {
    const iat = this.nowSeconds();
    const key = this.keys.key(options.kid);
    const username = typeof claims['preferred_username'] === 'string' ? claims['preferred_username'] : undefined;
    const sessionState = randomUUID();
    const payload: Claims = {
      exp: iat + this.settings.accessTokenLifespanSeconds,
      iat,
      jti: randomUUID(),
      iss: this.issuer,
      aud: this.settings.clientId,
      sub: username === undefined ? randomUUID() : subjectOf(username),
      typ: 'Bearer',
      azp: this.settings.clientId,
      session_state: sessionState,
      sid: sessionState,
      acr: '1',
      realm_access: { roles: this.defaultRealmRoles() },
      resource_access: this.accountAccess(),
      scope: DEFAULT_SCOPE,
      ...claims,
    };
    if (options.expiresInSeconds !== undefined) payload['exp'] = iat + options.expiresInSeconds;
    if (options.audience !== undefined) payload['aud'] = typeof options.audience === 'string' ? options.audience : [...options.audience];
    if (options.issuer !== undefined) payload['iss'] = options.issuer;
    if (options.notBefore !== undefined) payload['nbf'] = iat + options.notBefore;
    return signJwt(payload, key);
  }

  /** The token endpoint's answer for a grant. */
  tokenResponse(grant: Grant): TokenResponse {
    const { accessTokenLifespanSeconds, refreshTokenLifespanSeconds, clientId } = this.settings;
    const identity = this.claimsFor(grant.user);
    const session = { session_state: grant.sessionState, sid: grant.sessionState };
    let refreshToken: string | undefined;
    if (grant.refresh) {
      const iat = this.nowSeconds();
      const refresh = { exp: iat + refreshTokenLifespanSeconds, iat, jti: randomUUID(), iss: this.issuer, aud: this.issuer, sub: identity['sub'], typ: 'Refresh', azp: clientId, scope: grant.scope, ...session };
      refreshToken = signJwt(refresh, this.keys.key());
    }
    let idToken: string | undefined;
    if (grant.scope.split(' ').includes('openid')) {
      // Undefined claims are left out of the JSON: an ID token carries no roles and no scope.
      const idClaims: Claims = { ...identity, ...session, typ: 'ID', auth_time: this.nowSeconds(), realm_access: undefined, resource_access: undefined, scope: undefined };
      if (grant.nonce !== undefined) idClaims['nonce'] = grant.nonce;
      idToken = this.mint(idClaims);
    }
    // Keycloak's field order; absent tokens are left out.
    return {
      access_token: this.mint({ ...identity, ...session, scope: grant.scope }),
      expires_in: accessTokenLifespanSeconds,
      refresh_expires_in: grant.refresh ? refreshTokenLifespanSeconds : 0,
      ...(refreshToken === undefined ? {} : { refresh_token: refreshToken }),
      token_type: 'Bearer',
      ...(idToken === undefined ? {} : { id_token: idToken }),
      'not-before-policy': 0,
      session_state: grant.sessionState,
      scope: grant.scope,
    };
  }


  /** Opens a session (a login) and returns its id, the `session_state`. */
  startSession(session: Session): string {
    const id = randomUUID();
    this.sessions.set(id, session);
    return id;
  }

  session(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  /** The claims of a valid access token of this realm, or `null`. */
  verifyAccessToken(token: string): Claims | null {
    return verifyJwt(token, this.keys, this.nowSeconds(), 'Bearer');
  }

  /** The claims of a valid refresh token of this realm, or `null`. */
  verifyRefreshToken(token: string): Claims | null {
    return verifyJwt(token, this.keys, this.nowSeconds(), 'Refresh');
  }

  private defaultRealmRoles(): string[] {
    return [`default-roles-${this.settings.realm.toLowerCase()}`, 'offline_access', 'uma_authorization'];
  }

  private accountAccess(): Claims {
    return { account: { roles: ['manage-account', 'manage-account-links', 'view-profile'] } };
  }
}
