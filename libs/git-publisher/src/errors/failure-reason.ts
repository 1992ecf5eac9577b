import { GitPublisherError } from './git-publisher-error';
import type { GitPublisherErrorCode } from './git-publisher-error';

/** The publish job's failure reasons a git-publisher error can stand for. */
export type GitFailureReason = 'repository_access_failed' | 'git_operation_failed';

/** Codes that mean "we could not reach or were not allowed into the repository". */
const ACCESS_CODES: ReadonlySet<GitPublisherErrorCode> = new Set(['auth_failed', 'not_found', 'invalid_url']);

/**
 * The job failure reason for an error thrown by this library: credentials refused, repository missing or an
 * unusable URL are `repository_access_failed`; everything else (and any foreign error) `git_operation_failed`.
 * A cancelled job (`aborted`) should be recognised by the caller before asking.
 */
export function failureReasonFor(error: unknown): GitFailureReason {
  return error instanceof GitPublisherError && ACCESS_CODES.has(error.code)
    ? 'repository_access_failed'
    : 'git_operation_failed';
}
