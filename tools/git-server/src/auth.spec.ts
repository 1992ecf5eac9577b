import { INVALID_USER, TOKEN_USER, authPolicy, authorize } from './auth';
import { GitServerError } from './git-server-error';

const TOKEN = 'tok_unit_1';
const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;

describe('authPolicy', () => {
  it('refuses an empty token or an empty password, without repeating any value', () => {
    for (const make of [
      () => authPolicy([], ['']),
      () => authPolicy([{ username: 'alice', password: '' }]),
      () => authPolicy([{ username: '', password: 'pw-secret' }]),
    ]) {
      expect(make).toThrow(GitServerError);
      expect(make).not.toThrow(/pw-secret/);
    }
  });
});

describe('authorize', () => {
  const policy = authPolicy(
    [
      { username: 'alice', password: 'pa:ss' },
      { username: 'bob', password: 'bobs-secret' },
    ],
    [TOKEN, 'tok_unit_2'],
  );

  it.each([
    ['Bearer', `Bearer ${TOKEN}`, TOKEN_USER],
    ['Bearer, any case and extra spaces', `bearer   ${TOKEN}  `, TOKEN_USER],
    ['Basic x-access-token:<token>', basic('x-access-token', TOKEN), 'x-access-token'],
    ['Basic oauth2:<second token>', basic('oauth2', 'tok_unit_2'), 'oauth2'],
    ['Basic :<token>', basic('', TOKEN), TOKEN_USER],
    ['Basic <token>:', basic(TOKEN, ''), TOKEN_USER],
    ['Basic <token>:x-oauth-basic', basic(TOKEN, 'x-oauth-basic'), TOKEN_USER],
    ['Basic <token>:<token>', basic(TOKEN, TOKEN), TOKEN_USER],
    ['Basic listed user, password with a colon', basic('alice', 'pa:ss'), 'alice'],
  ])('accepts %s', (_form, header, user) => {
    expect(authorize(header, policy, 'write')).toEqual({ allowed: true, user });
  });

  it.each([
    ['a newline (a forged log line)', 'x\nGET /forged 200'],
    ['a NUL', 'x\u0000y'],
    ['a space', 'two words'],
    ['65 characters', 'u'.repeat(65)],
    ['non-ASCII', 'zoë'],
  ])('never repeats a username with %s sent with a token', (_form, username) => {
    expect(authorize(basic(username, TOKEN), policy, 'write')).toEqual({ allowed: true, user: TOKEN_USER });
  });

  it('reports a listed login whose username is not printable as invalid-user', () => {
    const odd = authPolicy([{ username: 'line\nbreak', password: 'pw' }]);
    expect(authorize(basic('line\nbreak', 'pw'), odd, 'write')).toEqual({ allowed: true, user: INVALID_USER });
    expect(authorize(basic('u'.repeat(64), TOKEN), policy, 'write')).toEqual({ allowed: true, user: 'u'.repeat(64) });
  });

  it.each([
    ['no header', undefined],
    ['an empty header', '  '],
    ['a wrong Bearer token', 'Bearer tok_unit_3'],
    ['a Bearer token prefix', `Bearer ${TOKEN.slice(0, -1)}`],
    ['an empty Bearer', 'Bearer'],
    ['Basic with a wrong token', basic('x-access-token', 'nope')],
    ['Basic with a wrong password', basic('alice', 'pa:sS')],
    ['Basic of another user with the password', basic('bob', 'pa:ss')],
    ['Basic <token>:<other text>', basic(TOKEN, 'something')],
    ['Basic without a colon', `Basic ${Buffer.from(TOKEN).toString('base64')}`],
    ['Basic that is not base64 of anything', 'Basic !!!'],
    ['another scheme', `Token ${TOKEN}`],
    ['the token alone', TOKEN],
  ])('refuses %s', (_form, header) => {
    expect(authorize(header, policy, 'read')).toEqual({ allowed: false });
    expect(authorize(header, policy, 'write')).toEqual({ allowed: false });
  });

  it('lets anonymous reads through only when the policy says so, and never anonymous writes', () => {
    const open = authPolicy([], [TOKEN], true);
    expect(authorize(undefined, open, 'read')).toEqual({ allowed: true, anonymous: true });
    expect(authorize(undefined, open, 'write')).toEqual({ allowed: false });
    expect(authorize('Bearer wrong', open, 'read')).toEqual({ allowed: false });
    expect(authorize(undefined, policy, 'read')).toEqual({ allowed: false });
  });

  it('accepts everything when there is nothing to check', () => {
    const none = authPolicy();
    expect(authorize(undefined, none, 'write')).toEqual({ allowed: true });
    expect(authorize('Bearer anything', none, 'write')).toEqual({ allowed: true });
  });

  it('never reports a secret as the user', () => {
    const headers = [
      basic('', TOKEN),
      basic(TOKEN, ''),
      basic(TOKEN, TOKEN),
      basic('bobs-secret', TOKEN),
      `Bearer ${TOKEN}`,
    ];
    for (const header of headers) {
      const decision = authorize(header, policy, 'write');
      expect(decision.allowed && decision.user).toBe(TOKEN_USER);
    }
  });
});
