export { FAILURE_REASONS, JOB_STATES, TERMINAL_JOB_STATES, isJobState, isTerminalJobState } from './job-state';
export type { FailureReason, JobState } from './job-state';
