import { createHash, timingSafeEqual } from 'node:crypto';
import { GitServerError } from './git-server-error';
import type { GitCredential } from './types';

export const AUTH_REALM = 'zmp-git';
export const WWW_AUTHENTICATE = `Basic realm="${AUTH_REALM}"`;

/** Username reported for token logins (`REMOTE_USER`) when the client gave none we may repeat. */
export const TOKEN_USER = 'token';

/** Username reported for a listed login whose username may not be repeated (see `PRINTABLE_USER`). */
export const INVALID_USER = 'invalid-user';

/** Usernames repeated in logs, stats and `REMOTE_USER`: 1-64 printable ASCII characters, no space or control. */
export const PRINTABLE_USER = /^[\x21-\x7e]{1,64}$/;

export interface AuthPolicy {
  credentials: readonly GitCredential[];
  tokens: readonly string[];
  anonymousRead: boolean;
}

export type Access = 'read' | 'write';

/** `anonymous` is set when the request was let through without credentials by `anonymousRead`. */
export type AuthDecision = { allowed: true; user?: string; anonymous?: boolean } | { allowed: false };

/** Checks the policy once at start-up: an empty token or password would match a client sending none. */
export function authPolicy(
  credentials: readonly GitCredential[] = [],
  tokens: readonly string[] = [],
  anonymousRead = false,
): AuthPolicy {
  if (tokens.some((token) => token.length === 0)) {
    throw new GitServerError('invalid_option', 'tokens must not be empty', { subject: 'tokens' });
  }
  if (credentials.some(({ username, password }) => username.length === 0 || password.length === 0)) {
    throw new GitServerError('invalid_option', 'credentials need a username and a password', { subject: 'credentials' });
  }
  return { credentials: [...credentials], tokens: [...tokens], anonymousRead };
}

/** Whether the policy checks anything: with no credentials and no tokens, the server is open. */
export function authEnabled(policy: AuthPolicy): boolean {
  return policy.credentials.length > 0 || policy.tokens.length > 0;
}

/**
 * Decides a request from its `Authorization` header. Accepted: Basic with a listed username/password, Basic with a
 * token as password (any username, e.g. `x-access-token`, `oauth2`), Basic with a token as username and an empty or
 * `x-oauth-basic` password, and `Bearer <token>`. Credentials that do not match are refused even where anonymous
 * reads are allowed. The user returned never contains a secret.
 */
export function authorize(header: string | undefined, policy: AuthPolicy, access: Access): AuthDecision {
  if (!authEnabled(policy)) return { allowed: true };
  if (header === undefined || header.trim() === '') {
    return access === 'read' && policy.anonymousRead ? { allowed: true, anonymous: true } : { allowed: false };
  }
  const user = identify(header.trim(), policy);
  return user === undefined ? { allowed: false } : { allowed: true, user };
}

function identify(header: string, policy: AuthPolicy): string | undefined {
  const space = header.indexOf(' ');
  const scheme = (space === -1 ? header : header.slice(0, space)).toLowerCase();
  const value = space === -1 ? '' : header.slice(space + 1).trim();

  if (scheme === 'bearer') return isToken(value, policy) ? TOKEN_USER : undefined;
  if (scheme !== 'basic') return undefined;

  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return undefined;
  const username = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);

  const listed = policy.credentials.some(
    (credential) => safeEqual(credential.username, username) && safeEqual(credential.password, password),
  );
  if (listed) return PRINTABLE_USER.test(username) ? username : INVALID_USER;
  if (isToken(password, policy)) return isPublicName(username, policy) ? username : TOKEN_USER;
  if ((password === '' || password === 'x-oauth-basic') && isToken(username, policy)) return TOKEN_USER;
  return undefined;
}

/**
 * Whether a username sent with a token may be repeated in logs and stats: printable (`PRINTABLE_USER`, so it
 * cannot forge a log line or break the backend's environment) and no secret of the policy.
 */
function isPublicName(username: string, policy: AuthPolicy): boolean {
  if (!PRINTABLE_USER.test(username) || isToken(username, policy)) return false;
  let password = false;
  for (const credential of policy.credentials) password = safeEqual(credential.password, username) || password;
  return !password;
}

function isToken(candidate: string, policy: AuthPolicy): boolean {
  let found = false;
  for (const token of policy.tokens) found = safeEqual(token, candidate) || found;
  return found;
}

/** Constant-time comparison of two strings of any length (through their SHA-256 digests). */
function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
