import { createHmac, timingSafeEqual } from 'node:crypto';

/** Who may fetch which job's artifact until when: the content of a download token. */
export interface DownloadClaims {
  jobId: string;
  username: string;
  /** The user was an admin when the link was made (may download any job's artifact). */
  isAdmin: boolean;
  /** Epoch seconds after which the link is refused (410). */
  expiresAt: number;
}

export type DownloadTokenCheck = { ok: true; claims: DownloadClaims } | { ok: false; reason: 'invalid' | 'expired' };

/** What the first part of a token holds: short keys keep links short. */
interface WireClaims {
  j: string;
  u: string;
  a: boolean;
  e: number;
}

const PART = /^[A-Za-z0-9_-]+$/;

const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest();

/**
 * `base64url(JSON{j, u, a, e}).base64url(HMAC-SHA256(secret, first part))`: a download link's token, bound to
 * a job, a user and an expiry. Anyone holding it can download until it expires, so keep the lifetime short.
 */
export function signDownloadToken(claims: DownloadClaims, secret: string): string {
  const wire: WireClaims = { j: claims.jobId, u: claims.username, a: claims.isAdmin, e: claims.expiresAt };
  const payload = Buffer.from(JSON.stringify(wire)).toString('base64url');
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

/**
 * Checks a token: `invalid` for anything malformed or not signed with `secret` (compared in constant time),
 * then `expired` once `nowSeconds` reached its expiry. The claims are trusted only after the signature.
 */
export function verifyDownloadToken(token: string, secret: string, nowSeconds: number): DownloadTokenCheck {
  const parts = token.split('.');
  if (parts.length !== 2 || !PART.test(parts[0]) || !PART.test(parts[1])) return { ok: false, reason: 'invalid' };
  const [payload, signature] = parts;
  // Compared as text: one signature has exactly one spelling (no alternative trailing bits, no padding).
  const given = Buffer.from(signature);
  const expected = Buffer.from(mac(secret, payload).toString('base64url'));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  const claims = claimsOf(payload);
  if (claims === undefined) return { ok: false, reason: 'invalid' };
  return nowSeconds >= claims.expiresAt ? { ok: false, reason: 'expired' } : { ok: true, claims };
}

function claimsOf(payload: string): DownloadClaims | undefined {
  let wire: Partial<WireClaims>;
  try {
    wire = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<WireClaims>;
  } catch {
    return undefined;
  }
  if (typeof wire !== 'object' || wire === null) return undefined;
  const { j, u, a, e } = wire;
  if (typeof j !== 'string' || j === '' || typeof u !== 'string' || u === '' || typeof a !== 'boolean' || typeof e !== 'number' || !Number.isInteger(e)) {
    return undefined;
  }
  return { jobId: j, username: u, isAdmin: a, expiresAt: e };
}
