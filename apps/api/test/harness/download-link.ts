import { createHmac } from 'node:crypto';

export interface DownloadClaims {
  /** Job id. */
  j: string;
  /** Username the link was made for. */
  u: string;
  /** Whether that user is an admin. */
  a: boolean;
  /** Expiry, epoch seconds. */
  e: number;
}

/**
 * A download token in the documented format (decision 0005, apps/api README):
 * `base64url(JSON{j,u,a,e}).base64url(HMAC-SHA256(secret, firstPart))` — written here from the format, not
 * with the API's code.
 */
export function signDownloadToken(secret: string, claims: DownloadClaims): string {
  const first = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${first}.${createHmac('sha256', secret).update(first).digest('base64url')}`;
}

/** The claims of a token (not verified). */
export function readDownloadToken(token: string): DownloadClaims {
  return JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8')) as DownloadClaims;
}

/** The same token with one character of its signature changed. */
export function tamper(token: string): string {
  const at = token.length - 3;
  const swapped = token[at] === 'A' ? 'B' : 'A';
  return `${token.slice(0, at)}${swapped}${token.slice(at + 1)}`;
}
