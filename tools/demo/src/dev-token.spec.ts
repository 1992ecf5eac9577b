import jwt from 'jsonwebtoken';
import { mintDemoToken } from './dev-token';

const SECRET = 'a-dev-secret-of-at-least-32-characters!';

describe('mintDemoToken', () => {
  it('is an HS256 JWT with the claims of the API\'s dev tokens, verified by a JWT library with the secret', () => {
    const token = mintDemoToken(SECRET, { username: 'demo', roles: ['manual-publisher', 'manual-admin'], email: 'demo@example.com', expiresInSeconds: 600 });
    const claims = jwt.verify(token, SECRET, { algorithms: ['HS256'], issuer: 'zmp-manual-dev', audience: 'zmp-manual' }) as jwt.JwtPayload;
    expect(claims).toEqual({
      iss: 'zmp-manual-dev',
      aud: 'zmp-manual',
      sub: 'demo',
      typ: 'Bearer',
      preferred_username: 'demo',
      realm_access: { roles: ['manual-publisher', 'manual-admin'] },
      email: 'demo@example.com',
      iat: expect.any(Number),
      exp: claims.iat! + 600,
    });
    expect(jwt.decode(token, { complete: true })?.header).toEqual({ alg: 'HS256', typ: 'JWT' });
  });

  it('fails verification with another secret, and expires', () => {
    const token = mintDemoToken(SECRET, { username: 'demo', roles: [], now: 1_000, expiresInSeconds: 60 });
    expect(() => jwt.verify(token, `${SECRET}x`, { algorithms: ['HS256'] })).toThrow('invalid signature');
    expect(() => jwt.verify(token, SECRET, { algorithms: ['HS256'] })).toThrow('jwt expired');
    expect(jwt.decode(token)).not.toHaveProperty('email');
  });
});
