import { createHmac } from 'node:crypto';
import { DashboardSession } from './dashboard-session';

const secret = 'download-secret-of-at-least-32-characters';

describe('DashboardSession', () => {
  it('verifies what it issued, for an hour', () => {
    let now = Date.parse('2025-05-20T10:00:00Z');
    const session = new DashboardSession(secret, () => now);
    const value = session.issue('admin');
    expect(session.verify(value)).toBe('admin');
    now += 3_599_000;
    expect(session.verify(value)).toBe('admin');
    now += 1_000;
    expect(session.verify(value)).toBeNull();
  });

  it('refuses a changed payload, a changed signature and malformed values', () => {
    const session = new DashboardSession(secret);
    const [payload, signature] = session.issue('ann').split('.') as [string, string];
    const other = Buffer.from(JSON.stringify({ u: 'admin', e: 9_999_999_999 })).toString('base64url');
    expect(session.verify(`${other}.${signature}`)).toBeNull();
    expect(session.verify(`${payload}.${signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`)).toBeNull();
    expect(session.verify(payload)).toBeNull();
    expect(session.verify(`${payload}.${signature}.x`)).toBeNull();
    expect(session.verify('')).toBeNull();
  });

  it('signs with a key derived from the secret, not the secret itself (download links use that one)', () => {
    const session = new DashboardSession(secret);
    const [payload, signature] = session.issue('admin').split('.') as [string, string];
    expect(signature).not.toBe(createHmac('sha256', secret).update(payload).digest('base64url'));
    expect(new DashboardSession('another-secret-of-at-least-32-characters').verify(`${payload}.${signature}`)).toBeNull();
  });
});
