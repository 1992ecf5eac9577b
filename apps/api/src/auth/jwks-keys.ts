import { createPublicKey } from 'node:crypto';
import type { JsonWebKey, KeyObject } from 'node:crypto';

/** A verification key of the issuer, by kid: the KeyObject, and its PEM (what passport-jwt's types accept). */
export interface VerificationKey {
  kid: string;
  key: KeyObject;
  pem: string;
}

const MIN_RSA_BITS = 2048;

function usableKey(entry: unknown): VerificationKey | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const jwk = entry as Record<string, unknown>;
  const { kid, kty, use, alg, n, e } = jwk;
  if (typeof kid !== 'string' || kid === '' || kty !== 'RSA' || typeof n !== 'string' || typeof e !== 'string') return null;
  // Keycloak also publishes encryption keys (use "enc", alg RSA-OAEP): only RS256 signing keys verify tokens.
  if ((use !== undefined && use !== 'sig') || (alg !== undefined && alg !== 'RS256')) return null;
  try {
    const key = createPublicKey({ key: { kty, n, e } satisfies JsonWebKey, format: 'jwk' });
    if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_RSA_BITS) return null;
    return { kid, key, pem: key.export({ type: 'spki', format: 'pem' }).toString() };
  } catch {
    return null;
  }
}

/** The RS256 signing keys of a JWKS document (`{"keys": [...]}`), by kid; anything else in it is skipped. */
export function parseJwks(text: string): Map<string, VerificationKey> {
  const document: unknown = JSON.parse(text);
  const entries = typeof document === 'object' && document !== null ? (document as { keys?: unknown }).keys : undefined;
  if (!Array.isArray(entries)) throw new Error('the JWKS has no "keys" list');
  const keys = new Map<string, VerificationKey>();
  for (const entry of entries) {
    const key = usableKey(entry);
    if (key !== null && !keys.has(key.kid)) keys.set(key.kid, key);
  }
  return keys;
}
