import { authCallbacks } from './repository-auth';

const URL = 'https://github.com/org/site.git';

describe('authCallbacks', () => {
  it('answers with the token as the Basic password of x-access-token, and cancels when it is refused', async () => {
    const callbacks = authCallbacks({ token: 'ghs_t1' });
    expect(await callbacks.onAuth?.(URL, {})).toEqual({ username: 'x-access-token', password: 'ghs_t1' });
    expect(await callbacks.onAuthFailure?.(URL, {})).toEqual({ cancel: true });
    expect(callbacks.secrets()).toEqual(['ghs_t1', Buffer.from('x-access-token:ghs_t1').toString('base64')]);
  });

  it('takes another username for a token, or a username and password', async () => {
    expect(await authCallbacks({ token: 't', username: 'oauth2' }).onAuth?.(URL, {})).toEqual({ username: 'oauth2', password: 't' });
    expect(await authCallbacks({ username: 'alice', password: 'pw' }).onAuth?.(URL, {})).toEqual({ username: 'alice', password: 'pw' });
  });

  it('has no onAuth without credentials, so a host asking for them fails at once', () => {
    const callbacks = authCallbacks(undefined);
    expect(callbacks.onAuth).toBeUndefined();
    expect(callbacks.secrets()).toEqual([]);
  });

  it('refuses an empty token with invalid_option', () => {
    expect(() => authCallbacks({ token: ' ' })).toThrow(expect.objectContaining({ code: 'invalid_option' }));
    expect(() => authCallbacks({ username: '', password: 'x' })).toThrow(expect.objectContaining({ code: 'invalid_option' }));
  });
});
