import type { ApiConfig } from '../api.tokens';
import { ApiError } from '../errors/api-error';
import type { AuthUser } from './auth-user';

/** The claims of a verified access token that the API reads (Keycloak's names). */
export type TokenClaims = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

function rolesAt(container: unknown): string[] {
  const roles = typeof container === 'object' && container !== null ? (container as { roles?: unknown }).roles : undefined;
  return Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string' && role !== '') : [];
}

function clientRoles(claims: TokenClaims, client: string | null): string[] {
  const access = claims['resource_access'];
  if (client === null || typeof access !== 'object' || access === null || !Object.hasOwn(access, client)) return [];
  return rolesAt((access as Record<string, unknown>)[client]);
}

function fullNameOf(claims: TokenClaims): string | null {
  const name = text(claims['name']);
  if (name !== null) return name;
  const parts = [text(claims['given_name']), text(claims['family_name'])].filter((part) => part !== null);
  return parts.length > 0 ? parts.join(' ') : null;
}

/**
 * The caller a verified token names (`username = preferred_username || sub`, roles from `realm_access` and
 * `resource_access.<AUTH_ROLES_CLIENT>`). Refuses (401 `Invalid token`) what is no access token: another `typ`
 * (Keycloak's ID and refresh tokens), no `exp`, no subject.
 */
export function userFromClaims(claims: TokenClaims, auth: ApiConfig['auth']): AuthUser {
  const typ = claims['typ'];
  if (typ !== undefined && (typeof typ !== 'string' || typ.toLowerCase() !== 'bearer')) throw ApiError.unauthorized('Invalid token', 'not_an_access_token');
  const exp = claims['exp'];
  if (typeof exp !== 'number' || !Number.isFinite(exp)) throw ApiError.unauthorized('Invalid token', 'token_without_exp');
  const subject = text(claims['sub']);
  const username = text(claims['preferred_username']) ?? subject;
  if (username === null) throw ApiError.unauthorized('Invalid token', 'token_without_subject');
  const roles = [...new Set([...rolesAt(claims['realm_access']), ...clientRoles(claims, auth.rolesClient)])];
  const isAdmin = roles.includes(auth.adminRole);
  return {
    username,
    subject: subject ?? username,
    email: text(claims['email']),
    roles,
    isAdmin,
    isPublisher: isAdmin || roles.includes(auth.publisherRole),
    fullName: fullNameOf(claims),
    expiresAt: exp,
  };
}
