import { createHmac, timingSafeEqual } from 'node:crypto';

/** The label the session key is derived under, so it differs from the download-link key made from the same secret. */
const KEY_LABEL = 'zmp-manual/queue-dashboard-session/v1';

export const DASHBOARD_SESSION_TTL_SECONDS = 3_600;

interface SessionClaims {
  /** The admin's username. */
  u: string;
  /** Expiry, epoch seconds. */
  e: number;
}

const isClaims = (value: unknown): value is SessionClaims =>
  typeof value === 'object' && value !== null && typeof (value as SessionClaims).u === 'string' && Number.isInteger((value as SessionClaims).e);

/**
 * The queue dashboard's session cookie value: `base64url(JSON{u, e}).base64url(HMAC-SHA256)`, made only for an
 * admin, valid `DASHBOARD_SESSION_TTL_SECONDS`. The key is derived from `DOWNLOAD_SIGNING_SECRET` (shared by
 * replicas) with a label of its own. A role removed from the user takes effect when the session expires.
 */
export class DashboardSession {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly clock: () => number = Date.now,
  ) {
    this.key = createHmac('sha256', secret).update(KEY_LABEL).digest();
  }

  issue(username: string): string {
    const claims: SessionClaims = { u: username, e: Math.floor(this.clock() / 1000) + DASHBOARD_SESSION_TTL_SECONDS };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** The username of a valid, unexpired session; `null` for anything else. */
  verify(value: string): string | null {
    const [payload, signature, extra] = value.split('.');
    if (!payload || !signature || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    if (!isClaims(claims) || claims.e * 1000 <= this.clock()) return null;
    return claims.u;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
