import type { FailureReason, JobState } from './job-state';

/**
 * The original service's job wire shape (`PublishStatus`), with its 14 keys in its order. `GET /jobs/{id}`,
 * `GET /jobs` and the `/watch` stream send exactly this.
 */
export interface PublishStatus {
  job_id: string;
  status: JobState;
  message: string | null;
  /** 0–100; export fills 0–50, translation 50–100. */
  total_progress: number;
  failure_reason: FailureReason | null;
  export_progress: number;
  translation_progress: number;
  export_files: number;
  notion_page_id: string | null;
  solution: string | null;
  initiated_by: string | null;
  title: string | null;
  is_directory: boolean | null;
  parent_id: string | null;
}

export interface JobCounters {
  pages: number;
  assets: number;
  segments: number;
  tokens: number;
  cache_hits: number;
}

/** Commit shas the job made, per phase. */
export interface JobCommits {
  export?: string;
  translation?: string;
}

/** Where the zip of the generated tree is kept; the API turns it into a signed, expiring link. */
export interface JobArtifact {
  location: string;
  size_bytes: number;
  sha256: string | null;
}

/**
 * One attempt at delivering a job's outbound callback (a signed POST to the `callback_url` of the publish).
 * Recorded on the job with `JobStore.recordCallback`, also after the job ended.
 */
export interface CallbackDelivery {
  /** The target as given, without userinfo (`https://user:pw@host/x` is kept as `https://host/x`). */
  url: string;
  /** 1 for the first try of a delivery, 2 for its first retry, …; 0 when it was refused before any try. */
  attempt: number;
  /** When the attempt started (UTC ISO). */
  at: string;
  /** The receiver's HTTP status, or null when there was no answer (refused target, timeout, network error). */
  status_code: number | null;
  /** Whether the receiver took it (a 2xx). */
  ok: boolean;
  /** Why it failed (`http_500`, `timeout`, `forbidden_address: …`), or null. */
  error: string | null;
  duration_ms: number;
  /** The `webhook-id` header: the same for every attempt of one delivery. */
  webhook_id: string;
}

/** Why a job failed: a library error `code`, the pipeline `step` it happened in, and its message. */
export interface JobFailure {
  code: string;
  step: string | null;
  message: string;
}

/**
 * Our job record: `PublishStatus` followed by our own fields. Timestamps are UTC ISO 8601 with
 * milliseconds and `Z` (`2025-05-20T10:11:12.123Z`), not the original's naive local time: both parse with
 * `Date.parse`, and only ours names an instant.
 */
export interface JobRecord extends PublishStatus {
  created_at: string;
  /** Start of the current attempt. */
  started_at: string | null;
  finished_at: string | null;
  updated_at: string;
  /** Pod or host running the current attempt. */
  worker: string | null;
  /** 0 while queued; each `start` adds one (a re-run after a stalled worker is attempt 2, …). */
  attempt: number;
  counters: JobCounters;
  commits: JobCommits;
  artifact: JobArtifact | null;
  /** The last lines logged by the job (bounded by the store's `logLimit`). */
  log: string[];
  failure: JobFailure | null;
  target_languages: string[];
  cancel_requested_at: string | null;
  /** Attempts at delivering the job's callback, oldest first (bounded by the store's `callbackLimit`). */
  callbacks: CallbackDelivery[];
}

/** What `JobStore.create` needs; a `PublishJobPayload` fits. */
export interface JobInit {
  job_id: string;
  notion_page_id?: string | null;
  solution?: string | null;
  initiated_by?: string | null;
  title?: string | null;
  is_directory?: boolean | null;
  parent_id?: string | null;
  target_languages?: readonly string[];
  /** `queued` (default) or `started`. */
  status?: 'queued' | 'started';
  message?: string | null;
}

/** Fields an update may set. `log` lines are appended (the oldest drop off past the limit). */
export interface JobUpdate {
  /**
   * The attempt this update comes from (`record.attempt` as returned by `JobStore.start`). When given and
   * the job has moved on to another attempt (a stalled worker was replaced), the update is refused with
   * `stale_attempt`, so a worker that was thought dead cannot overwrite the re-run.
   */
  attempt?: number;
  status?: JobState;
  message?: string | null;
  total_progress?: number;
  export_progress?: number;
  translation_progress?: number;
  export_files?: number;
  failure_reason?: FailureReason | null;
  failure?: JobFailure | null;
  title?: string | null;
  worker?: string | null;
  /** Absolute values for the counters given; the others keep theirs. */
  counters?: Partial<JobCounters>;
  /** Merged into the existing commits. */
  commits?: JobCommits;
  artifact?: JobArtifact | null;
  log?: readonly string[];
}

/** The original's 14 keys, in its order — nothing of ours leaks onto the wire. */
export function toPublishStatus(record: PublishStatus): PublishStatus {
  return {
    job_id: record.job_id,
    status: record.status,
    message: record.message,
    total_progress: record.total_progress,
    failure_reason: record.failure_reason,
    export_progress: record.export_progress,
    translation_progress: record.translation_progress,
    export_files: record.export_files,
    notion_page_id: record.notion_page_id,
    solution: record.solution,
    initiated_by: record.initiated_by,
    title: record.title,
    is_directory: record.is_directory,
    parent_id: record.parent_id,
  };
}

export function newJobRecord(init: JobInit, now: string): JobRecord {
  const status = init.status ?? 'queued';
  return {
    job_id: init.job_id,
    status,
    message: init.message ?? null,
    total_progress: 0,
    failure_reason: null,
    export_progress: 0,
    translation_progress: 0,
    export_files: 0,
    notion_page_id: init.notion_page_id ?? null,
    solution: init.solution ?? null,
    initiated_by: init.initiated_by ?? null,
    title: init.title ?? null,
    is_directory: init.is_directory ?? null,
    parent_id: init.parent_id ?? null,
    created_at: now,
    started_at: status === 'started' ? now : null,
    finished_at: null,
    updated_at: now,
    worker: null,
    attempt: status === 'started' ? 1 : 0,
    counters: { pages: 0, assets: 0, segments: 0, tokens: 0, cache_hits: 0 },
    commits: {},
    artifact: null,
    log: [],
    failure: null,
    target_languages: [...(init.target_languages ?? [])],
    cancel_requested_at: null,
    callbacks: [],
  };
}

/** A stored record, with the fields added since it was written filled in (`callbacks: []`). */
export function parseJobRecord(json: string): JobRecord {
  const record = JSON.parse(json) as JobRecord;
  if (!Array.isArray(record.callbacks)) record.callbacks = [];
  return record;
}
