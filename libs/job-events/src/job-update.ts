import { JobStoreError } from './errors';
import type { JobRecord, JobUpdate } from './job-record';
import { isTerminalJobState } from './job-state';
import { canStartAttempt, transitionVerdict } from './job-transitions';

/** Pure record changes; the store applies them atomically (compare-and-set on a version). */

function illegal(record: JobRecord, to: string): JobStoreError {
  return new JobStoreError('illegal_transition', `Job ${record.job_id} cannot go from ${record.status} to ${to}`, record.job_id, record.status, to);
}

const clampPercent = (value: number) => Math.min(100, Math.max(0, value));

/** Applies `patch` to `record` through the transition table (see job-transitions.ts). */
export function applyJobUpdate(record: JobRecord, patch: JobUpdate, now: string, logLimit: number): JobRecord {
  if (patch.attempt !== undefined && patch.attempt !== record.attempt) {
    throw new JobStoreError('stale_attempt', `Job ${record.job_id} is at attempt ${record.attempt}, not ${patch.attempt}`, record.job_id, record.status, patch.status ?? null);
  }
  const asked = patch.status ?? record.status;
  const verdict = transitionVerdict(record.status, asked);
  if (verdict === 'reject') throw illegal(record, asked);
  const status = verdict === 'keep' ? record.status : asked;
  const next: JobRecord = { ...record, status, updated_at: now };
  if (patch.message !== undefined) next.message = patch.message;
  if (patch.total_progress !== undefined) next.total_progress = clampPercent(patch.total_progress);
  if (patch.export_progress !== undefined) next.export_progress = clampPercent(patch.export_progress);
  if (patch.translation_progress !== undefined) next.translation_progress = clampPercent(patch.translation_progress);
  if (patch.export_files !== undefined) next.export_files = patch.export_files;
  if (patch.failure_reason !== undefined) next.failure_reason = patch.failure_reason;
  if (patch.failure !== undefined) next.failure = patch.failure;
  if (patch.title !== undefined) next.title = patch.title;
  if (patch.worker !== undefined) next.worker = patch.worker;
  if (patch.counters) next.counters = { ...record.counters, ...patch.counters };
  if (patch.commits) next.commits = { ...record.commits, ...patch.commits };
  if (patch.artifact !== undefined) next.artifact = patch.artifact;
  if (patch.log?.length) next.log = [...record.log, ...patch.log].slice(-logLimit);
  if (status !== record.status) {
    if (status === 'started' && next.started_at === null) next.started_at = now;
    if (isTerminalJobState(status)) next.finished_at = now;
    if (status === 'completed') {
      // As the original: a completed job shows full progress.
      next.total_progress = 100;
      next.translation_progress = 100;
    }
    if (status === 'failed' && next.failure_reason === null) next.failure_reason = 'unknown_error';
    if (status === 'cancelled' && patch.failure_reason === undefined) next.failure_reason = 'cancelled';
  }
  return next;
}

/**
 * A worker begins an attempt: from `queued` this is attempt 1; from any other non-terminal state it is a
 * re-run after a stalled worker (attempt + 1), which starts over: progress, counters and failure reset.
 */
export function startAttempt(record: JobRecord, worker: string | null, message: string | null, now: string): JobRecord {
  if (!canStartAttempt(record.status)) throw illegal(record, 'started');
  return {
    ...record,
    status: 'started',
    message,
    total_progress: 0,
    failure_reason: null,
    export_progress: 0,
    translation_progress: 0,
    export_files: 0,
    started_at: now,
    updated_at: now,
    worker,
    attempt: record.attempt + 1,
    counters: { pages: 0, assets: 0, segments: 0, tokens: 0, cache_hits: 0 },
    failure: null,
  };
}

/** `cancel_requested` with its time; `null` when there is nothing to do (already requested or finished). */
export function requestCancelOf(record: JobRecord, now: string): JobRecord | null {
  if (isTerminalJobState(record.status) || record.cancel_requested_at !== null) return null;
  return { ...record, status: 'cancel_requested', cancel_requested_at: now, updated_at: now };
}
