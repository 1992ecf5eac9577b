/** Keycloak's OAuth error answer `{error, error_description}`; thrown by handlers, written by the server. */
export class OidcError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(description);
    this.name = 'OidcError';
  }

  toJSON(): { error: string; error_description: string } {
    return { error: this.error, error_description: this.description };
  }
}

export const invalidRequest = (description: string) => new OidcError(400, 'invalid_request', description);
export const invalidClient = () => new OidcError(401, 'invalid_client', 'Invalid client or Invalid client credentials');
export const unauthorizedClient = (description: string) => new OidcError(400, 'unauthorized_client', description);
export const invalidGrant = (description: string, status = 400) => new OidcError(status, 'invalid_grant', description);
export const unsupportedGrantType = () => new OidcError(400, 'unsupported_grant_type', 'Unsupported grant_type');
export const invalidToken = () =>
  new OidcError(401, 'invalid_token', 'Token verification failed', {
    'www-authenticate': 'Bearer realm="oidc-emulator", error="invalid_token", error_description="Token verification failed"',
  });
export const notFound = () => new OidcError(404, 'not_found', 'Unable to find matching target resource method');
export const realmNotFound = () => new OidcError(404, 'Realm does not exist', 'Realm does not exist');
export const methodNotAllowed = (allowed: string) => new OidcError(405, 'method_not_allowed', `Use ${allowed}`, { allow: allowed });
export const bodyTooLarge = () => new OidcError(413, 'invalid_request', 'Request body too large');
