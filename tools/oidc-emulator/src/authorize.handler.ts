import { randomUUID } from 'node:crypto';
import type { Handler } from './context';
import { OidcError, invalidRequest } from './errors';
import { redirect } from './http-io';

function redirectUriOf(value: string | null): URL {
  try {
    if (value !== null) {
      const url = new URL(value);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url;
    }
  } catch {
    // answered below
  }
  throw invalidRequest('Invalid parameter: redirect_uri');
}

/**
 * `GET /protocol/openid-connect/auth`: the authorization endpoint with auto-login. No login page: the user
 * named by `login_hint` (when it is one of the realm's) or the default user is logged in at once, and the
 * browser is sent back to `redirect_uri` with `state`, `session_state`, `iss` and a one-time `code`.
 */
export const handleAuthorize: Handler = ({ response, url }, { realm, codes }) => {
  const query = url.searchParams;
  if (query.get('client_id') !== realm.settings.clientId) throw new OidcError(400, 'invalid_request', 'Client not found.');
  const target = redirectUriOf(query.get('redirect_uri'));
  const state = query.get('state');
  const back = (fields: Record<string, string>) => {
    const location = new URL(target);
    if (state !== null) location.searchParams.set('state', state);
    for (const [name, value] of Object.entries(fields)) location.searchParams.set(name, value);
    redirect(response, location.toString());
  };
  if (query.get('response_type') !== 'code') {
    back({ error: 'unsupported_response_type', error_description: 'Only response_type=code is supported' });
    return;
  }
  const challenge = query.get('code_challenge') ?? undefined;
  const method = query.get('code_challenge_method') ?? (challenge === undefined ? undefined : 'plain');
  if (method !== undefined && method !== 'S256' && method !== 'plain') {
    back({ error: 'invalid_request', error_description: 'Invalid parameter: code_challenge_method' });
    return;
  }
  const hinted = query.get('login_hint');
  const user = (hinted === null ? undefined : realm.findUser(hinted)) ?? realm.settings.defaultUser;
  const code = codes.issue(user, {
    redirectUri: query.get('redirect_uri') ?? undefined,
    scope: query.get('scope') ?? '',
    nonce: query.get('nonce') ?? undefined,
    codeChallenge: challenge,
    codeChallengeMethod: method,
  });
  back({ session_state: randomUUID(), iss: realm.issuer, code });
};
