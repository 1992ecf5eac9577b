import type { RepositoryAuth } from '@zmp-manual/git-publisher';

/** The secret of a repository's credentials, masked in every message, log line and error of a run. */
export function secretsOf(auth: RepositoryAuth | undefined): string[] {
  if (auth === undefined) return [];
  const secret = 'token' in auth ? auth.token : auth.password;
  return typeof secret === 'string' && secret !== '' ? [secret] : [];
}
