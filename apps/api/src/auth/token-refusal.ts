import { JsonWebTokenError, NotBeforeError, TokenExpiredError } from 'jsonwebtoken';
import type { ApiConfig } from '../api.tokens';
import { ApiError } from '../errors/api-error';
import { JwksUnavailableError } from './jwks-key.store';

/** The token names no kid, or one the issuer does not publish (raised by the key provider). */
export class UnknownSigningKeyError extends Error {
  constructor(readonly reason: 'token_without_kid' | 'unknown_kid') {
    super(reason === 'token_without_kid' ? 'the token names no signing key (kid)' : 'the token names a key the issuer does not publish');
    this.name = 'UnknownSigningKeyError';
  }
}

/**
 * What a caller hears when passport-jwt refuses a token: 401 with the original service's words (`Expired
 * token`, `Invalid token timestamp`, `Invalid token`) or a clearer one for a wrong issuer/audience (a
 * configuration mismatch the caller can act on), `WWW-Authenticate: Bearer`. Unreachable issuer keys are 503.
 */
export function tokenRefusal(failure: unknown, auth: ApiConfig['auth']): ApiError {
  if (failure instanceof ApiError) return failure;
  if (failure instanceof JwksUnavailableError) return ApiError.unavailable(`Authentication is unavailable: ${failure.message}; retry later`, 'jwks_unavailable');
  if (failure instanceof TokenExpiredError) return ApiError.unauthorized('Expired token', 'token_expired');
  if (failure instanceof NotBeforeError) return ApiError.unauthorized('Invalid token timestamp', 'token_not_yet_valid');
  if (failure instanceof JsonWebTokenError && failure.message.startsWith('jwt issuer invalid')) {
    return ApiError.unauthorized(`Token issuer not accepted (expected ${auth.issuer})`, 'token_issuer');
  }
  if (failure instanceof JsonWebTokenError && failure.message.startsWith('jwt audience invalid')) {
    return ApiError.unauthorized(`Token audience not accepted (expected ${auth.audiences.join(' or ')})`, 'token_audience');
  }
  if (failure instanceof UnknownSigningKeyError) return ApiError.unauthorized('Invalid token', failure.reason);
  return ApiError.unauthorized('Invalid token', 'invalid_token');
}
