import { GitPublisherError } from './errors/git-publisher-error';
import { checkRepositoryUrl, redactUrl, repositoryKey } from './repository-key';

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

  it('says what a valid URL looks like when given garbage, with an invalid_url error', () => {
    expect(() => redactUrl('not a url')).toThrow(/absolute URL/);
    expect(() => redactUrl('not a url')).toThrow(GitPublisherError);
  });
});

describe('checkRepositoryUrl', () => {
  it('accepts a plain http(s) URL as it is', () => {
    expect(checkRepositoryUrl('https://github.com/org/site.git')).toBe('https://github.com/org/site.git');
  });

  it.each([
    ['https://x-access-token:ghs_zz9@github.com/org/site.git', 'ghs_zz9'],
    ['https://ghs_zz9@github.com/org/site.git', 'ghs_zz9'],
    ['https://github.com/org/site.git?access_token=ghs_zz9', 'ghs_zz9'],
    ['ssh://git:ghs_zz9x@github.com/org/site.git', 'ghs_zz9x'],
  ])('refuses %s with invalid_url and does not repeat the secret', (url, secret) => {
    let error: unknown;
    try {
      checkRepositoryUrl(url);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GitPublisherError);
    expect((error as GitPublisherError).code).toBe('invalid_url');
    expect(JSON.stringify(error)).not.toContain(secret);
    expect((error as GitPublisherError).stack).not.toContain(secret);
  });

  it('refuses a URL that git over HTTP cannot use', () => {
    expect(() => checkRepositoryUrl('file:///srv/site.git')).toThrow(/http\(s\)/);
  });
});
