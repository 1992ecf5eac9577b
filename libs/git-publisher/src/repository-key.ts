/**
 * Names a repository + branch without credentials, for lock keys, working-copy folders and log lines:
 * `https://x:token@GitHub.com/org/site.git` and `https://github.com/org/site` are the same repository.
 */
export function repositoryKey(url: string, branch: string): string {
  return `${redactUrl(url).replace(/\.git$/, '').replace(/\/+$/, '')}#${branch}`;
}

/** The URL with any user name, password or token removed, and the host lower-cased. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError('Repository URL must be an absolute URL such as https://github.com/org/site.git');
  }
  parsed.username = '';
  parsed.password = '';
  parsed.search = '';
  parsed.hash = '';
  return parsed.toString();
}
