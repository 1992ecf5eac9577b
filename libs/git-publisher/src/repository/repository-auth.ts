import type { AuthCallback, AuthFailureCallback } from 'isomorphic-git';
import { GitPublisherError } from '../errors/git-publisher-error';

/**
 * How to authenticate to the git host: a token (sent as the Basic password, with `username` defaulting to
 * `x-access-token` as GitHub expects), or a Basic username and password.
 */
export type RepositoryAuth = { token: string; username?: string } | { username: string; password: string };

export interface AuthCallbacks {
  onAuth?: AuthCallback;
  onAuthFailure?: AuthFailureCallback;
  /** Strings that must never appear in a message or a log line (a function, so no dump of an object shows them). */
  secrets: () => readonly string[];
}

function refused(): GitPublisherError {
  // Never repeats what it was given: a bare string here is most likely the token itself.
  return new GitPublisherError('invalid_option', 'auth needs a token, or a username and a password', {
    operation: 'open',
    option: 'auth',
  });
}

function credentialsOf(auth: RepositoryAuth): { username: string; password: string } {
  if (typeof auth !== 'object' || auth === null) throw refused();
  if ('token' in auth) {
    if (typeof auth.token !== 'string' || auth.token.trim() === '') {
      throw new GitPublisherError('invalid_option', 'auth.token must be a non-empty string', {
        operation: 'open',
        option: 'auth.token',
      });
    }
    return { username: auth.username ?? 'x-access-token', password: auth.token };
  }
  if (typeof auth.username !== 'string' || auth.username === '' || typeof auth.password !== 'string') throw refused();
  return { username: auth.username, password: auth.password };
}

/**
 * isomorphic-git callbacks answering a 401 with the credentials, and cancelling (no retry loop) when the host
 * refuses them. The credentials live only in these closures: never in a URL, `.git/config` or a header we log.
 */
export function authCallbacks(auth: RepositoryAuth | undefined): AuthCallbacks {
  if (auth === undefined) return { onAuthFailure: () => ({ cancel: true }), secrets: () => [] };
  const { username, password } = credentialsOf(auth);
  const basic = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
  // The password as sent (Basic), and as it would appear in a URL or a message.
  const secrets = [...new Set([password, encodeURIComponent(password), basic])].filter((secret) => secret !== '');
  return {
    onAuth: () => ({ username, password }),
    onAuthFailure: () => ({ cancel: true }),
    secrets: () => secrets,
  };
}
