import { repositoryName } from './names';
import type { GitService } from './types';

/** A request the bridge may hand to `git http-backend`. */
export interface GitRoute {
  ok: true;
  /** Canonical repository name, without `.git`. */
  repository: string;
  service: Exclude<GitService, 'invalid'>;
  /** `/<repository>.git/<rest>`, rebuilt from validated parts: the CGI `PATH_INFO`. */
  pathInfo: string;
  /** `service=git-upload-pack` or empty: the CGI `QUERY_STRING`. */
  query: string;
}

export interface RejectedRoute {
  ok: false;
  status: 400 | 404 | 405;
  reason: string;
}

const PATH_CHARACTERS = /^[A-Za-z0-9._/-]+$/;

/** Files of the dumb protocol that `git http-backend` serves with GET. */
const DUMB_FILES = [
  /^HEAD$/,
  /^info\/refs$/,
  /^objects\/info\/(alternates|http-alternates|packs)$/,
  /^objects\/[0-9a-f]{2}\/[0-9a-f]{38,62}$/,
  /^objects\/pack\/pack-[0-9a-f]{40,64}\.(pack|idx)$/,
];

/**
 * Maps a request line to a git route, refusing anything that could leave the root: `..` and `.` segments
 * (raw or percent-encoded), empty segments, characters outside `[A-Za-z0-9._/-]` (400), and paths that are
 * not part of the git HTTP protocol (404).
 */
export function parseRoute(method: string, url: string): GitRoute | RejectedRoute {
  const queryStart = url.indexOf('?');
  const rawPath = queryStart === -1 ? url : url.slice(0, queryStart);
  const params = new URLSearchParams(queryStart === -1 ? '' : url.slice(queryStart + 1));

  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return reject(400, 'malformed percent-encoding');
  }
  if (!path.startsWith('/') || !PATH_CHARACTERS.test(path)) return reject(400, 'invalid characters in path');
  const segments = path.slice(1).split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
    return reject(400, 'empty, . or .. path segment');
  }

  const repoEnd = segments.findIndex((segment) => segment.endsWith('.git'));
  if (repoEnd === -1) return reject(404, 'not a repository path');
  let repository: string;
  try {
    repository = repositoryName(segments.slice(0, repoEnd + 1).join('/'));
  } catch {
    return reject(400, 'invalid repository name');
  }
  const rest = segments.slice(repoEnd + 1).join('/');
  const pathInfo = `/${repository}.git/${rest}`;

  if (rest === 'git-upload-pack' || rest === 'git-receive-pack') {
    if (method !== 'POST') return reject(405, `${rest} needs POST`);
    return { ok: true, repository, service: rest === 'git-upload-pack' ? 'upload-pack' : 'receive-pack', pathInfo, query: '' };
  }
  if (!DUMB_FILES.some((pattern) => pattern.test(rest))) return reject(404, 'not a git protocol path');
  if (method !== 'GET') return reject(405, `${rest} needs GET`);

  const service = rest === 'info/refs' ? params.get('service') : null;
  if (service === null) return { ok: true, repository, service: 'dumb', pathInfo, query: '' };
  if (service !== 'git-upload-pack' && service !== 'git-receive-pack') return reject(400, 'unknown service');
  return {
    ok: true,
    repository,
    service: service === 'git-upload-pack' ? 'upload-pack' : 'receive-pack',
    pathInfo,
    query: `service=${service}`,
  };
}

function reject(status: RejectedRoute['status'], reason: string): RejectedRoute {
  return { ok: false, status, reason };
}
