import { GitPublisherError } from './errors/git-publisher-error';

const EXAMPLE = 'https://github.com/org/site.git';

/**
 * Names a repository + branch without credentials, for lock keys, working-copy folders and log lines:
 * `https://x:token@GitHub.com/org/site.git` and `https://github.com/org/site` are the same repository.
 */
export function repositoryKey(url: string, branch: string): string {
  return `${redactUrl(url).replace(/\.git$/, '').replace(/\/+$/, '')}#${branch}`;
}

function parse(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new GitPublisherError('invalid_url', `Repository URL must be an absolute URL such as ${EXAMPLE}`, {
      operation: 'open',
    });
  }
}

/** The URL with any user name, password, query or fragment removed, and the host lower-cased. */
export function redactUrl(url: string): string {
  const parsed = parse(url);
  parsed.username = '';
  parsed.password = '';
  parsed.search = '';
  parsed.hash = '';
  return parsed.toString();
}

/**
 * The URL git will talk to, refused (with an error that does not repeat it) when it carries credentials, a
 * query or a fragment, or is not http(s): credentials go through `auth`, never into a URL or `.git/config`.
 */
export function checkRepositoryUrl(url: string): string {
  const parsed = parse(url);
  if (parsed.username !== '' || parsed.password !== '') {
    throw new GitPublisherError(
      'invalid_url',
      'Repository URL must not contain credentials: pass the token or password as `auth` instead',
      { operation: 'open', repository: redactUrl(url) },
    );
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    throw new GitPublisherError('invalid_url', 'Repository URL must not contain a query string or a fragment', {
      operation: 'open',
      repository: redactUrl(url),
    });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new GitPublisherError('invalid_url', `Repository URL must be http(s), such as ${EXAMPLE}`, {
      operation: 'open',
      repository: redactUrl(url),
    });
  }
  return url;
}
