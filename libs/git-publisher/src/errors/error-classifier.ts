import { GitPublisherError } from './git-publisher-error';
import type { GitOperation, GitPublisherErrorCode, GitPublisherErrorDetails } from './git-publisher-error';
import { scrubSecrets } from './secret-scrubber';

/** What the classifier needs to know about the failed step; nothing here is secret but `secrets`. */
export interface ClassifyContext {
  operation: GitOperation;
  /** Credential-free name of the repository and branch. */
  repository: string;
  /** Strings that must never reach a message (token, password). */
  secrets: readonly string[];
  /** Set when a signal had fired by the time the error was caught. */
  interruption?: 'aborted' | 'lock_lost';
}

interface ForeignError {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  data?: unknown;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EmptyServerResponseError',
]);

const CONFLICT_CODES = new Set([
  'CheckoutConflictError',
  'MergeConflictError',
  'MergeNotSupportedError',
  'UnmergedPathsError',
  'IndexResetError',
  'FastForwardError',
]);

/** What the git host says when a ref moved under a push: the caller may re-sync and try again. */
const NON_FAST_FORWARD = /fast-forward|fetch first|stale info|failed to (?:update|lock) ref|cannot lock ref/i;

function asForeign(error: unknown): ForeignError {
  return typeof error === 'object' && error !== null ? (error as ForeignError) : { message: String(error) };
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The refusal of each ref of a rejected push (`GitPushError`), or the reason of a client-side rejection. */
export function pushRejectionReason(error: unknown): string | undefined {
  const { code, data } = asForeign(error);
  if (code === 'PushRejectedError') return stringField(record(data)['reason']);
  if (code !== 'GitPushError') return undefined;
  const refs = record(record(record(data)['result'])['refs']);
  const reasons = Object.values(refs)
    .map((ref) => record(ref))
    .filter((ref) => ref['ok'] !== true)
    .map((ref) => stringField(ref['error']) ?? 'rejected');
  return reasons.length > 0 ? reasons.join('; ') : 'rejected';
}

/** Whether a push failed only because the remote branch moved: re-syncing and pushing again may succeed. */
export function isNonFastForward(error: unknown): boolean {
  const reason = pushRejectionReason(error);
  return reason !== undefined && NON_FAST_FORWARD.test(reason);
}

/** The fields with every secret masked: `reason` and `gitCode` come from the host or the library below. */
function scrubDetails(details: GitPublisherErrorDetails, context: ClassifyContext): GitPublisherErrorDetails {
  const scrubbed: Record<string, unknown> = { ...details };
  for (const [name, value] of Object.entries(scrubbed)) {
    if (typeof value === 'string') scrubbed[name] = scrubSecrets(value, context.secrets);
  }
  return scrubbed as GitPublisherErrorDetails;
}

function isAbort(error: ForeignError): boolean {
  return error.name === 'AbortError' || error.code === 'ABORT_ERR';
}

/**
 * Turns anything isomorphic-git, the HTTP client or the file system throws into a {@link GitPublisherError}.
 * The one place that knows their error shapes; messages are written here and never copy a credential.
 */
export function classifyGitError(error: unknown, context: ClassifyContext): GitPublisherError {
  if (error instanceof GitPublisherError) return error;
  const foreign = asForeign(error);
  // A checkout that failed on several files: the first failure says what went wrong (ENOSPC, EACCES…).
  const inner = foreign.code === 'MultipleGitError' ? record(foreign.data)['errors'] : undefined;
  if (Array.isArray(inner) && inner.length > 0) return classifyGitError(inner[0], context);
  const gitCode = stringField(foreign.code);
  const { operation, repository } = context;
  const details: GitPublisherErrorDetails = { operation, repository, ...(gitCode ? { gitCode } : {}) };
  const fail = (code: GitPublisherErrorCode, message: string, extra: GitPublisherErrorDetails = {}) =>
    new GitPublisherError(code, scrubSecrets(message, context.secrets), scrubDetails({ ...details, ...extra }, context));

  if (context.interruption === 'lock_lost') {
    return fail('lock_lost', `Stopped ${operation} of ${repository}: the repository lock was lost`);
  }
  if (context.interruption === 'aborted' || isAbort(foreign)) {
    return fail('aborted', `Stopped ${operation} of ${repository}: aborted`);
  }
  if (gitCode === 'UserCanceledError') {
    return fail('auth_failed', `The git host refused the credentials for ${repository}`);
  }
  if (gitCode === 'HttpError') {
    const statusCode = Number(record(foreign.data)['statusCode']);
    const extra = Number.isInteger(statusCode) ? { statusCode } : {};
    if (statusCode === 401 || statusCode === 403) {
      return fail('auth_failed', `The git host refused the credentials for ${repository} (HTTP ${statusCode})`, extra);
    }
    if (statusCode === 404 || statusCode === 410) {
      return fail('not_found', `Repository ${repository} was not found (HTTP ${statusCode})`, extra);
    }
    if (statusCode === 408 || statusCode === 429 || statusCode >= 500) {
      return fail('network', `The git host of ${repository} answered HTTP ${statusCode} during ${operation}`, extra);
    }
    return fail('git_failed', `The git host of ${repository} answered HTTP ${statusCode} during ${operation}`, extra);
  }
  if (gitCode === 'SmartHttpError') {
    return fail('not_found', `${repository} does not answer as a git repository`);
  }
  if (gitCode === 'UrlParseError' || gitCode === 'UnknownTransportError') {
    return fail('invalid_url', `The URL of ${repository} cannot be used by git over HTTP`);
  }
  if (gitCode !== undefined && NETWORK_CODES.has(gitCode)) {
    return fail('network', `Could not reach the git host of ${repository} during ${operation} (${gitCode})`);
  }
  // The node HTTP client (simple-get) reports a socket timeout as a plain Error with this message.
  if (gitCode === undefined && /^Request timed out$/.test(stringField(foreign.message) ?? '')) {
    return fail('network', `The git host of ${repository} did not answer in time during ${operation}`);
  }
  const reason = pushRejectionReason(error);
  if (reason !== undefined) {
    return fail('push_rejected', `The git host rejected the push to ${repository}: ${reason}`, { reason });
  }
  if (gitCode !== undefined && CONFLICT_CODES.has(gitCode)) {
    return fail('conflict', `${operation} of ${repository} hit a conflict (${gitCode})`);
  }
  // Masked before it is cut, so that a secret straddling the cut leaves no prefix behind.
  const original = scrubSecrets(stringField(foreign.message) ?? 'unknown error', context.secrets);
  return fail('git_failed', `${operation} of ${repository} failed: ${original.slice(0, 300)}`);
}
