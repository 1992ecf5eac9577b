// Who the console calls the API as: a pasted access token (dev mode, or a token from elsewhere) or a Keycloak
// login (authorization code + PKCE, as a public client; the code comes back to this page). The token is kept in
// sessionStorage: it lasts as long as the tab and is never put in a URL.

const TOKEN_KEY = 'zmp-console:token';
const LOGIN_KEY = 'zmp-console:login';

export const tokens = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (token) => sessionStorage.setItem(TOKEN_KEY, token.trim().replace(/^Bearer\s+/i, '')),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

function base64url(bytes) {
  let text = '';
  for (const byte of new Uint8Array(bytes)) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const randomText = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

/** The page's own address without query or fragment: the `redirect_uri` Keycloak sends the code back to. */
const redirectUri = () => window.location.origin + window.location.pathname;

/** S256 where the browser can hash (a secure context: https or localhost), `plain` otherwise. */
async function challengeOf(verifier) {
  if (!crypto.subtle) return { challenge: verifier, method: 'plain' };
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { challenge: base64url(digest), method: 'S256' };
}

/** Leaves for Keycloak's login page; it comes back here with `?code=&state=`. */
export async function startKeycloakLogin(keycloak) {
  const verifier = randomText();
  const state = randomText();
  sessionStorage.setItem(LOGIN_KEY, JSON.stringify({ verifier, state }));
  const { challenge, method } = await challengeOf(verifier);
  const url = new URL(keycloak.authorizationUrl);
  url.search = new URLSearchParams({
    client_id: keycloak.clientId,
    response_type: 'code',
    redirect_uri: redirectUri(),
    scope: 'openid',
    state,
    code_challenge: challenge,
    code_challenge_method: method,
  }).toString();
  window.location.assign(url.toString());
}

/**
 * When Keycloak sent the browser back (`?code=` or `?error=`), exchanges the code for a token (with the PKCE
 * verifier) and removes the query from the address bar. `false` when this is not a login's return.
 */
export async function completeKeycloakLogin(keycloak) {
  const query = new URLSearchParams(window.location.search);
  if (!query.has('code') && !query.has('error')) return false;
  window.history.replaceState(null, '', redirectUri());
  const pending = JSON.parse(sessionStorage.getItem(LOGIN_KEY) ?? 'null');
  sessionStorage.removeItem(LOGIN_KEY);
  if (query.has('error')) throw new Error(`Keycloak refused the login: ${query.get('error_description') ?? query.get('error')}`);
  if (!keycloak || !pending || pending.state !== query.get('state')) throw new Error('This login was not started here (state mismatch): sign in again');
  const response = await fetch(keycloak.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: query.get('code'),
      redirect_uri: redirectUri(),
      client_id: keycloak.clientId,
      code_verifier: pending.verifier,
    }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token) throw new Error(`Keycloak did not issue a token: ${body.error_description ?? body.error ?? response.status}`);
  tokens.set(body.access_token);
  return true;
}
