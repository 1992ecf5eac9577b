import { maskSecrets } from './secret-mask';

const SECRET = 'ghp_maskSpec_9fQ2xL7vB1nM';
const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('maskSecrets', () => {
  it('masks a secret as it is and URL-encoded', () => {
    expect(maskSecrets(`token ${SECRET} in https://x:${encodeURIComponent(`${SECRET}/+`)}@host`, [SECRET, `${SECRET}/+`])).toBe('token *** in https://x:***@host');
  });

  it.each(['', 'x', 'x-access-token:', 'oauth2:', 'user:'])('masks it Base64-encoded after %j (a Basic authorization header)', (prefix) => {
    const header = `Authorization: Basic ${base64(`${prefix}${SECRET}`)}`;
    const masked = maskSecrets(header, [SECRET]);
    expect(masked).toContain('***');
    // What is left visible of the encoding is at most the few characters that also encode the prefix.
    expect(masked.length).toBeLessThanOrEqual(`Authorization: Basic ${base64(prefix)}`.length + '***'.length + 4);
    expect(masked).not.toContain(base64(`${prefix}${SECRET}`).slice(Math.ceil((prefix.length * 4) / 3) + 2, -4));
  });

  it('leaves very short values alone, and text without a secret as it is', () => {
    expect(maskSecrets('a b c', ['a', ''])).toBe('a b c');
    expect(maskSecrets('nothing to hide', [SECRET])).toBe('nothing to hide');
  });
});
