import { createHash } from 'node:crypto';
import { authenticateClient } from './client-auth';
import type { EmulatorContext, Handler } from './context';
import { invalidGrant, invalidRequest, unauthorizedClient, unsupportedGrantType } from './errors';
import { readForm, sendJson } from './http-io';
import type { TokenResponse } from './realm';
import { DEFAULT_SCOPE, subjectOf } from './realm';

/** Keycloak's scope rule: what was asked for, plus the client's default scopes `profile email`. */
export function grantedScope(requested: string | null | undefined): string {
  const asked = (requested ?? '').split(' ').filter((part) => part !== '');
  const all = new Set(['profile', 'email', ...asked]);
  const openid = all.delete('openid');
  return [...(openid ? ['openid'] : []), ...all].join(' ');
}

function required(form: URLSearchParams, name: string): string {
  const value = form.get(name);
  if (value === null || value === '') throw invalidRequest(`Missing parameter: ${name}`);
  return value;
}

function pkceMatches(verifier: string, challenge: string, method: 'S256' | 'plain' | undefined): boolean {
  const computed = method === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');
  return computed === challenge;
}

function authorizationCode(form: URLSearchParams, { realm, codes }: EmulatorContext): TokenResponse {
  const issued = codes.take(required(form, 'code'));
  if (issued === undefined) throw invalidGrant('Code not valid');
  if (issued.redirectUri !== undefined && form.get('redirect_uri') !== issued.redirectUri) throw invalidGrant('Incorrect redirect_uri');
  if (issued.codeChallenge !== undefined) {
    const verifier = form.get('code_verifier');
    if (verifier === null) throw invalidGrant('PKCE code verifier not specified');
    if (!pkceMatches(verifier, issued.codeChallenge, issued.codeChallengeMethod)) throw invalidGrant('PKCE verification failed: Code mismatch');
  }
  const scope = grantedScope(issued.scope ?? DEFAULT_SCOPE);
  const sessionState = realm.startSession({ user: issued.user, scope });
  return realm.tokenResponse({ user: issued.user, scope, sessionState, nonce: issued.nonce, refresh: true });
}

function password(form: URLSearchParams, { realm }: EmulatorContext): TokenResponse {
  const user = realm.findUser(required(form, 'username'));
  const given = form.get('password');
  if (user === undefined || user.password === undefined || given !== user.password) throw invalidGrant('Invalid user credentials', 401);
  const scope = grantedScope(form.get('scope'));
  const sessionState = realm.startSession({ user, scope });
  return realm.tokenResponse({ user, scope, sessionState, refresh: true });
}

function refreshToken(form: URLSearchParams, { realm }: EmulatorContext): TokenResponse {
  const claims = realm.verifyRefreshToken(required(form, 'refresh_token'));
  if (claims === null) throw invalidGrant('Invalid refresh token');
  if (claims['azp'] !== realm.settings.clientId) throw invalidGrant("Invalid refresh token. Token client and authorized client don't match");
  const sessionState = typeof claims['sid'] === 'string' ? claims['sid'] : '';
  const session = realm.session(sessionState);
  if (session === undefined) throw invalidGrant('Session not active');
  return realm.tokenResponse({ ...session, sessionState, refresh: true });
}

function clientCredentials({ realm }: EmulatorContext): TokenResponse {
  if (realm.settings.clientSecret === null) throw unauthorizedClient('Public client not allowed to retrieve service account');
  const username = `service-account-${realm.settings.clientId}`;
  const user = { username, id: subjectOf(username) };
  const scope = grantedScope(null);
  const sessionState = realm.startSession({ user, scope });
  return realm.tokenResponse({ user, scope, sessionState, refresh: false });
}

/** `POST /protocol/openid-connect/token`: the authorization_code, password, refresh_token and client_credentials grants. */
export const handleToken: Handler = async ({ request, response }, context) => {
  const form = await readForm(request);
  const grantType = required(form, 'grant_type');
  authenticateClient(request, form, context.realm.settings);
  let answer: TokenResponse;
  if (grantType === 'authorization_code') answer = authorizationCode(form, context);
  else if (grantType === 'password') answer = password(form, context);
  else if (grantType === 'refresh_token') answer = refreshToken(form, context);
  else if (grantType === 'client_credentials') answer = clientCredentials(context);
  else throw unsupportedGrantType();
  sendJson(response, 200, answer, { pragma: 'no-cache' });
};
