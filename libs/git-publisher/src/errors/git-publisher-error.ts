/** The closed set of reasons a git-publisher call fails. */
export type GitPublisherErrorCode =
  | 'auth_failed'
  | 'not_found'
  | 'network'
  | 'push_rejected'
  | 'conflict'
  | 'aborted'
  | 'invalid_url'
  | 'invalid_option'
  | 'lock_timeout'
  | 'lock_lost'
  | 'git_failed';

/** The step that failed. */
export type GitOperation = 'open' | 'sync' | 'clone' | 'fetch' | 'reset' | 'commit' | 'push' | 'status' | 'lock';

/** Structured fields of a {@link GitPublisherError}; none of them ever holds a credential. */
export interface GitPublisherErrorDetails {
  operation?: GitOperation;
  /** The repository and branch, credential-free (`repositoryKey`). */
  repository?: string;
  /** HTTP status answered by the git host. */
  statusCode?: number;
  /** Push attempts made before giving up. */
  attempts?: number;
  /** The code of the underlying isomorphic-git or Node error (`HttpError`, `ECONNREFUSED`, …). */
  gitCode?: string;
  /** The lock key concerned. */
  key?: string;
  /** How long a lock was waited for. */
  waitMs?: number;
  /** The option that was refused. */
  option?: string;
  /** Why the host refused a push (`non-fast-forward`, `pre-receive hook declined`, …). */
  reason?: string;
}

export class GitPublisherError extends Error {
  constructor(
    readonly code: GitPublisherErrorCode,
    message: string,
    readonly details: GitPublisherErrorDetails = {},
  ) {
    super(message);
    this.name = 'GitPublisherError';
  }

  toJSON(): { name: string; code: GitPublisherErrorCode; message: string } & GitPublisherErrorDetails {
    return { name: this.name, code: this.code, message: this.message, ...this.details };
  }
}
