import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { JsonWebKey, KeyObject } from 'node:crypto';

/** One entry of the JWKS, as Keycloak publishes it (without the certificate fields). */
export interface PublishedJwk {
  kid: string;
  kty: 'RSA';
  alg: string;
  use: 'sig' | 'enc';
  n: string;
  e: string;
}

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

function newKeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

function publish(kid: string, publicKey: KeyObject, alg: string, use: 'sig' | 'enc'): PublishedJwk {
  const jwk: JsonWebKey = publicKey.export({ format: 'jwk' });
  if (typeof jwk.n !== 'string' || typeof jwk.e !== 'string') throw new Error('an RSA public key without n/e');
  return { kid, kty: 'RSA', alg, use, n: jwk.n, e: jwk.e };
}

const newKid = () => randomBytes(16).toString('base64url');

/**
 * The realm's RS256 signing keys: one current key signs new tokens; older keys stay published (and keep
 * verifying) until removed, as in a Keycloak key rotation. Like Keycloak, the JWKS also lists an RSA-OAEP
 * encryption key, which a verifier must skip.
 */
export class KeyRing {
  private readonly signing = new Map<string, SigningKey>();
  private readonly encryption: PublishedJwk;
  private current: string;

  constructor() {
    this.current = this.add();
    this.encryption = publish(newKid(), newKeyPair().publicKey, 'RSA-OAEP', 'enc');
  }

  get currentKid(): string {
    return this.current;
  }

  kids(): string[] {
    return [...this.signing.keys()];
  }

  /** Adds a key and makes it current; returns its kid. */
  rotate(): string {
    this.current = this.add();
    return this.current;
  }

  remove(kid: string): void {
    if (kid === this.current) throw new Error('the current key cannot be removed: rotate first');
    if (!this.signing.delete(kid)) throw new Error(`no published key has kid "${kid}"`);
  }

  /** The key to sign with: `kid` or the current one. Throws for a kid that is not published. */
  key(kid: string = this.current): SigningKey {
    const key = this.signing.get(kid);
    if (key === undefined) throw new Error(`no published key has kid "${kid}"`);
    return key;
  }

  /** The verification key of a published kid. */
  find(kid: string): SigningKey | undefined {
    return this.signing.get(kid);
  }

  /** `{keys: […]}`: every signing key, then the encryption key. */
  jwks(): { keys: PublishedJwk[] } {
    const keys = [...this.signing.values()].map((key) => publish(key.kid, key.publicKey, 'RS256', 'sig'));
    return { keys: [...keys, this.encryption] };
  }

  private add(): string {
    const kid = newKid();
    this.signing.set(kid, { kid, ...newKeyPair() });
    return kid;
  }
}
