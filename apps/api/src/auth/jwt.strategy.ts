import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { SecretOrKeyProvider, StrategyOptionsWithoutRequest } from 'passport-jwt';
import { API_CONFIG } from '../api.tokens';
import type { ApiConfig } from '../api.tokens';
import { userFromClaims } from './auth-claims';
import type { TokenClaims } from './auth-claims';
import type { AuthUser } from './auth-user';
import { JwksKeyStore } from './jwks-key.store';
import { UnknownSigningKeyError } from './token-refusal';

/** The `kid` of a compact JWS header, or null. */
function kidOf(token: string): string | null {
  try {
    const header: unknown = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'));
    const kid = typeof header === 'object' && header !== null ? (header as { kid?: unknown }).kid : undefined;
    return typeof kid === 'string' && kid !== '' ? kid : null;
  } catch {
    return null;
  }
}

/** Keycloak mode: the key of the token's kid from the issuer's JWKS; a token without kid is refused. */
function jwksKeyProvider(keys: JwksKeyStore): SecretOrKeyProvider {
  return (_request: unknown, rawJwtToken: unknown, done) => {
    const kid = typeof rawJwtToken === 'string' ? kidOf(rawJwtToken) : null;
    if (kid === null) {
      done(new UnknownSigningKeyError('token_without_kid'));
      return;
    }
    keys.get(kid).then(
      (found) => (found === null ? done(new UnknownSigningKeyError('unknown_kid')) : done(null, found.pem)),
      (error: unknown) => done(error),
    );
  };
}

/**
 * passport-jwt options per mode, the algorithm pinned so a token never chooses its own: `dev` = HS256 with
 * `AUTH_DEV_SECRET`; `keycloak` = RS256 with the JWKS key of the token's kid. Both check `iss`, `aud` (any of
 * `AUTH_AUDIENCE`), `exp`/`nbf` with `AUTH_CLOCK_TOLERANCE_S`.
 */
export function strategyOptions(auth: ApiConfig['auth'], keys: JwksKeyStore): StrategyOptionsWithoutRequest {
  const common = {
    jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
    issuer: auth.issuer,
    audience: auth.audiences,
    ignoreExpiration: false,
    jsonWebTokenOptions: { clockTolerance: auth.clockToleranceSeconds },
  };
  if (auth.mode === 'dev') {
    if (auth.devSecret === null) throw new Error('AUTH_DEV_SECRET is required when AUTH_MODE is dev');
    return { ...common, algorithms: ['HS256'], secretOrKey: auth.devSecret };
  }
  return { ...common, algorithms: ['RS256'], secretOrKeyProvider: jwksKeyProvider(keys) };
}

/** The `jwt` passport strategy: verifies the bearer token, then maps its claims to the `AuthUser`. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    keys: JwksKeyStore,
  ) {
    super(strategyOptions(config.auth, keys));
  }

  validate(claims: TokenClaims): AuthUser {
    return userFromClaims(claims, this.config.auth);
  }
}
