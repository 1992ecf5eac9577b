import { generateKeyPairSync } from 'node:crypto';
import { parseJwks } from './jwks-keys';

const rsaJwk = (bits = 2048) => generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ format: 'jwk' });
const ecJwk = () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });

describe('parseJwks', () => {
  it('keeps RS256 signing keys by kid and skips everything else', () => {
    const sig = rsaJwk();
    const keys = parseJwks(
      JSON.stringify({
        keys: [
          { ...sig, kid: 'sig', alg: 'RS256', use: 'sig' },
          { ...rsaJwk(), kid: 'no-alg-no-use' },
          { ...rsaJwk(), kid: 'enc', alg: 'RSA-OAEP', use: 'enc' },
          { ...rsaJwk(), kid: 'ps', alg: 'PS256', use: 'sig' },
          { ...ecJwk(), kid: 'ec', alg: 'ES256', use: 'sig' },
          { ...rsaJwk(1024), kid: 'small', alg: 'RS256' },
          { ...rsaJwk(), alg: 'RS256' },
          { ...rsaJwk(), kid: 'sig', alg: 'RS256' },
          { kid: 'broken', kty: 'RSA', n: '!!', e: 'AQAB' },
          'junk',
        ],
      }),
    );
    expect([...keys.keys()]).toEqual(['sig', 'no-alg-no-use']);
    const key = keys.get('sig');
    expect(key?.key.asymmetricKeyType).toBe('rsa');
    expect(key?.key.export({ format: 'jwk' }).n).toBe(sig.n);
    expect(key?.pem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });

  it('throws for a document without a keys list', () => {
    expect(() => parseJwks('{}')).toThrow('the JWKS has no "keys" list');
    expect(() => parseJwks('not json')).toThrow();
  });
});
