/**
 * Job states as they travel on the wire (snake_case, the original service's values).
 * The order is the order a successful publish goes through them.
 */
export const JOB_STATES = [
  'queued',
  'started',
  'checking_repo',
  'cloning',
  'pulling',
  'exporting',
  'export_commit',
  'translating',
  'translation_commit',
  'pushing',
  'completed',
  'failed',
  'cancel_requested',
  'cancelled',
] as const;

export type JobState = (typeof JOB_STATES)[number];

/** States after which nothing more happens to a job: its event stream ends. */
export const TERMINAL_JOB_STATES: readonly JobState[] = ['completed', 'failed', 'cancelled'];

export const FAILURE_REASONS = [
  'repository_access_failed',
  'export_failed',
  'translation_failed',
  'git_operation_failed',
  'invalid_page_id',
  'cancelled',
  'unknown_error',
] as const;

export type FailureReason = (typeof FAILURE_REASONS)[number];

export function isJobState(value: unknown): value is JobState {
  return typeof value === 'string' && (JOB_STATES as readonly string[]).includes(value);
}

export function isTerminalJobState(state: JobState): boolean {
  return TERMINAL_JOB_STATES.includes(state);
}
