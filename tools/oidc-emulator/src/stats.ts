/** Requests received per endpoint (whatever their outcome). */
export interface OidcEmulatorStats {
  /** `/.well-known/openid-configuration` */
  discovery: number;
  /** `/protocol/openid-connect/certs`: how often the JWKS was fetched. */
  certs: number;
  /** `/protocol/openid-connect/token` */
  token: number;
  /** `/protocol/openid-connect/userinfo` */
  userinfo: number;
  /** `/protocol/openid-connect/auth` */
  authorize: number;
  /** Anything else (answered 404 or 405). */
  other: number;
}

export type Endpoint = keyof OidcEmulatorStats;

export class StatsCounter {
  private current: OidcEmulatorStats = emptyStats();

  count(endpoint: Endpoint): void {
    this.current[endpoint] += 1;
  }

  reset(): void {
    this.current = emptyStats();
  }

  /** A copy: later requests do not change it. */
  snapshot(): OidcEmulatorStats {
    return { ...this.current };
  }
}

function emptyStats(): OidcEmulatorStats {
  return { discovery: 0, certs: 0, token: 0, userinfo: 0, authorize: 0, other: 0 };
}
