import { createHmac } from 'node:crypto';
import { signDownloadToken, verifyDownloadToken } from './download-link';

const secret = 'a-download-signing-secret-of-32-chars!';
const claims = { jobId: '3c9a0c1e-7c57-4a53-9a51-8d2d4c1b3f00', username: 'ann', isAdmin: false, expiresAt: 1_800_000_000 };
const now = claims.expiresAt - 60;

/** A token signed by someone who knows the secret, with any payload. */
const forge = (payload: unknown, key = secret) => {
  const first = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${first}.${createHmac('sha256', key).update(first).digest('base64url')}`;
};

describe('download links', () => {
  it('are base64url(JSON {j, u, a, e}) and its HMAC-SHA256, and verify back to their claims', () => {
    const token = signDownloadToken(claims, secret);
    const [first, signature] = token.split('.');
    expect(JSON.parse(Buffer.from(first, 'base64url').toString())).toEqual({ j: claims.jobId, u: 'ann', a: false, e: claims.expiresAt });
    expect(signature).toBe(createHmac('sha256', secret).update(first).digest('base64url'));
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyDownloadToken(token, secret, now)).toEqual({ ok: true, claims });
  });

  it('are invalid once anything is changed, or under another secret', () => {
    const token = signDownloadToken(claims, secret);
    const [first, signature] = token.split('.');
    const otherUser = Buffer.from(JSON.stringify({ j: claims.jobId, u: 'bob', a: true, e: claims.expiresAt })).toString('base64url');
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    for (const tampered of [`${otherUser}.${signature}`, `${first}.${flipped}`, `${first}.${signature}=`, `${first}.`, first, `${token}.x`, '', 'x.y', `${first}.${signature.slice(1)}`]) {
      expect(verifyDownloadToken(tampered, secret, now)).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(verifyDownloadToken(token, 'another-secret-that-is-32-characters', now)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('are invalid when a signed payload is not a claims object', () => {
    for (const payload of [null, 'x', [], { j: 'job', u: 'ann', a: false }, { j: '', u: 'ann', a: false, e: 1 }, { j: 'job', u: 'ann', a: 'yes', e: 1 }, { j: 'job', u: 'ann', a: false, e: 1.5 }]) {
      expect(verifyDownloadToken(forge(payload), secret, now)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('expire at their expiry second, and an expired forgery is still only invalid', () => {
    const token = signDownloadToken(claims, secret);
    expect(verifyDownloadToken(token, secret, claims.expiresAt - 1).ok).toBe(true);
    expect(verifyDownloadToken(token, secret, claims.expiresAt)).toEqual({ ok: false, reason: 'expired' });
    const forgedExpired = forge({ j: claims.jobId, u: 'ann', a: false, e: 1 }, 'not-the-secret');
    expect(verifyDownloadToken(forgedExpired, secret, now)).toEqual({ ok: false, reason: 'invalid' });
  });
});
