import { redactUrl, repositoryKey } from './repository-key';

describe('repositoryKey', () => {
  it('is the same for a URL with and without credentials, .git or trailing slash', () => {
    const a = repositoryKey('https://oauth2:ghp_secret@GitHub.com/org/site.git', 'develop');
    const b = repositoryKey('https://github.com/org/site/', 'develop');
    expect(a).toBe('https://github.com/org/site#develop');
    expect(b).toBe(a);
  });

  it('differs per branch', () => {
    expect(repositoryKey('https://github.com/org/site', 'main')).not.toBe(repositoryKey('https://github.com/org/site', 'develop'));
  });
});

describe('redactUrl', () => {
  it('never keeps a token', () => {
    expect(redactUrl('https://x-access-token:ghs_abc@example.com/a.git?token=ghs_abc')).toBe('https://example.com/a.git');
  });

  it('says what a valid URL looks like when given garbage', () => {
    expect(() => redactUrl('not a url')).toThrow(/absolute URL/);
  });
});
