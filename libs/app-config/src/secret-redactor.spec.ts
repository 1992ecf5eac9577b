import { SecretRedactor } from './secret-redactor';

describe('SecretRedactor', () => {
  it('masks every occurrence of each secret, URL-encoded forms too', () => {
    const redactor = new SecretRedactor(['ghp_secret/+token', 'sk-key-1234', null, undefined, '']);
    expect(redactor.redact('push with ghp_secret/+token failed; ghp_secret%2F%2Btoken; sk-key-1234')).toBe('push with *** failed; ***; ***');
  });

  it('leaves text without secrets alone and ignores too-short values', () => {
    expect(new SecretRedactor(['abc']).redact('abc abc')).toBe('abc abc');
  });

  it('masks a longer secret whole when it contains a shorter one', () => {
    expect(new SecretRedactor(['token', 'token-extended']).redact('x token-extended y')).toBe('x *** y');
  });
});

describe('SecretRedactor, encoded forms', () => {
  it('masks a secret inside a Basic authorization header', () => {
    const header = `Basic ${Buffer.from('x-access-token:ghp_0123456789abcdef').toString('base64')}`;
    expect(new SecretRedactor(['ghp_0123456789abcdef']).redact(`sent ${header}`)).not.toContain(header.slice(6));
  });
});
