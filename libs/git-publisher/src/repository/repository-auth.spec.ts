import { authCallbacks } from './repository-auth';

const URL = 'https://github.com/org/site.git';

describe('authCallbacks', () => {
  it('answers with the token as the Basic password of x-access-token, and cancels when it is refused', async () => {
    const callbacks = authCallbacks({ token: 'ghs_t1' });
    expect(await callbacks.onAuth?.(URL, {})).toEqual({ username: 'x-access-token', password: 'ghs_t1' });
    expect(await callbacks.onAuthFailure?.(URL, {})).toEqual({ cancel: true });
    expect(callbacks.secrets()).toEqual(['ghs_t1', Buffer.from('x-access-token:ghs_t1').toString('base64')]);
  });

  it('also masks a password as a URL would encode it', () => {
    expect(authCallbacks({ username: 'alice', password: 'p@ss/w' }).secrets()).toEqual([
      'p@ss/w',
      'p%40ss%2Fw',
      Buffer.from('alice:p@ss/w').toString('base64'),
    ]);
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

  it('refuses a bare string (a token passed as auth itself) without repeating it', () => {
    let error: unknown;
    try {
      authCallbacks('ghs_bare_4411' as never);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'invalid_option', details: { operation: 'open', option: 'auth' } });
    const { message, stack } = error as Error;
    for (const text of [message, stack ?? '', JSON.stringify(error)]) expect(text).not.toContain('ghs_bare_4411');
  });

  it('refuses an empty token with invalid_option', () => {
    const refused = (option: string) => expect.objectContaining({ code: 'invalid_option', details: { operation: 'open', option } });
    expect(() => authCallbacks({ token: ' ' })).toThrow(refused('auth.token'));
    expect(() => authCallbacks({ username: '', password: 'x' })).toThrow(refused('auth'));
  });
});
