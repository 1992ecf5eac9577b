/**
 * Job states as they travel on the wire (snake_case, the original service's values), in the order a
 * successful publish goes through them, then the states that end or stop a job.
 *
 * Six values come only from the original service (`LEGACY_JOB_STATES`): our pipeline does not set them,
 * but they are accepted when read (a record or event written by the original, a client that sends them).
 */
export const JOB_STATES = [
  'queued',
  'started',
  'checking_repo',
  'cleaning_up',
  'cloning',
  'moving_repo',
  'pulling',
  'removing_old_files',
  'exporting_content',
  'exporting',
  'export_commit',
  'ensuring_images',
  'preparing_translation',
  'translating',
  'translation_commit',
  'pushing',
  'completed',
  'failed',
  'cancel_requested',
  'cancelled',
] as const;

export type JobState = (typeof JOB_STATES)[number];

/** The original service's extra step values: valid, never produced by our own pipeline. */
export const LEGACY_JOB_STATES: readonly JobState[] = [
  'moving_repo',
  'cleaning_up',
  'removing_old_files',
  'exporting_content',
  'ensuring_images',
  'preparing_translation',
];

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
