import jwt from 'jsonwebtoken';

export interface DevTokenOptions {
  /** `preferred_username` and `sub`. */
  username: string;
  /** `realm_access.roles` (e.g. `manual-publisher`, `manual-admin`). */
  roles?: readonly string[];
  email?: string | null;
  /** Default 3600; negative gives an expired token. */
  expiresInSeconds?: number;
  /** Default `zmp-manual-dev` (the dev-mode `AUTH_ISSUER` default). */
  issuer?: string;
  /** Default `zmp-manual` (the dev-mode `AUTH_AUDIENCE` default). */
  audience?: string | readonly string[];
}

/** An HS256 access token that `AUTH_MODE=dev` accepts when `secret` is its `AUTH_DEV_SECRET` (demo, tests, local development). */
export function mintDevToken(secret: string, options: DevTokenOptions): string {
  const iat = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    iss: options.issuer ?? 'zmp-manual-dev',
    aud: typeof options.audience === 'string' || options.audience === undefined ? (options.audience ?? 'zmp-manual') : [...options.audience],
    sub: options.username,
    typ: 'Bearer',
    preferred_username: options.username,
    realm_access: { roles: [...(options.roles ?? [])] },
    iat,
    exp: iat + (options.expiresInSeconds ?? 3600),
  };
  if (options.email !== undefined && options.email !== null) claims['email'] = options.email;
  return jwt.sign(claims, secret, { algorithm: 'HS256' });
}
