/** The closed set of reasons the git server's helpers refuse or fail. */
export type GitServerErrorCode =
  | 'invalid_name'
  | 'invalid_path'
  | 'invalid_ref'
  | 'invalid_option'
  | 'repository_exists'
  | 'repository_not_found'
  | 'git_failed';

export interface GitServerErrorDetails {
  /** The repository, path, ref or option concerned. */
  subject?: string;
  /** Exit code of a failed git command. */
  exitCode?: number | null;
  /** The tail of a failed git command's stderr. */
  stderr?: string;
}

export class GitServerError extends Error {
  constructor(
    readonly code: GitServerErrorCode,
    message: string,
    readonly details: GitServerErrorDetails = {},
  ) {
    super(message);
    this.name = 'GitServerError';
  }

  toJSON(): { name: string; code: GitServerErrorCode; message: string } & GitServerErrorDetails {
    return { name: this.name, code: this.code, message: this.message, ...this.details };
  }
}
