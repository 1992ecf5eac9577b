import { createHmac } from 'node:crypto';

export interface DemoTokenOptions {
  /** `sub` and `preferred_username`. */
  username: string;
  /** `realm_access.roles`. */
  roles: readonly string[];
  email?: string;
  /** Default 3600. */
  expiresInSeconds?: number;
  /** Seconds since the epoch (default now). */
  now?: number;
}

/** The dev-mode defaults of the API (`AUTH_ISSUER`, `AUTH_AUDIENCE` with `AUTH_MODE=dev`). */
export const DEV_ISSUER = 'zmp-manual-dev';
export const DEV_AUDIENCE = 'zmp-manual';

const base64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

/**
 * An HS256 JWT that the API accepts with `AUTH_MODE=dev` and `AUTH_DEV_SECRET=secret`: the claims of
 * apps/api/src/auth/dev-token.ts (`iss`, `aud`, `sub`, `typ`, `preferred_username`, `realm_access.roles`,
 * `iat`, `exp`, optional `email`), signed here with node:crypto so the demo needs nothing from apps/.
 */
export function mintDemoToken(secret: string, options: DemoTokenOptions): string {
  const iat = options.now ?? Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    iss: DEV_ISSUER,
    aud: DEV_AUDIENCE,
    sub: options.username,
    typ: 'Bearer',
    preferred_username: options.username,
    realm_access: { roles: [...options.roles] },
    iat,
    exp: iat + (options.expiresInSeconds ?? 3600),
  };
  if (options.email !== undefined) claims['email'] = options.email;
  const signingInput = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}`;
  const signature = createHmac('sha256', secret).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}
