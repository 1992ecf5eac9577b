import { sign, verify } from 'node:crypto';
import type { Claims } from './options';
import type { KeyRing, SigningKey } from './keys';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A compact RS256 JWS: header `{alg: RS256, typ: JWT, kid}`. */
export function signJwt(claims: Claims, key: SigningKey): string {
  const input = `${encode({ alg: 'RS256', typ: 'JWT', kid: key.kid })}.${encode(claims)}`;
  const signature = sign('sha256', Buffer.from(input), key.privateKey).toString('base64url');
  return `${input}.${signature}`;
}

function parseSegment(segment: string): Claims | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Claims) : null;
  } catch {
    return null;
  }
}

/**
 * The claims of a token this realm signed (RS256, a published kid, a valid signature, not expired at
 * `nowSeconds`, of type `typ`); `null` otherwise.
 */
export function verifyJwt(token: string, keys: KeyRing, nowSeconds: number, typ: string): Claims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [headerPart, payloadPart, signaturePart] = parts;
  const header = parseSegment(headerPart);
  const claims = parseSegment(payloadPart);
  if (header === null || claims === null || header['alg'] !== 'RS256' || typeof header['kid'] !== 'string') return null;
  const key = keys.find(header['kid']);
  if (key === undefined) return null;
  const valid = verify('sha256', Buffer.from(`${headerPart}.${payloadPart}`), key.publicKey, Buffer.from(signaturePart, 'base64url'));
  if (!valid || claims['typ'] !== typ) return null;
  return typeof claims['exp'] === 'number' && claims['exp'] > nowSeconds ? claims : null;
}
