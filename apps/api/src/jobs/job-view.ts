import type { JobRecord } from '@zmp-manual/job-events';
import { toPublishStatus } from '@zmp-manual/job-events';

/**
 * `GET /jobs/{id}`: the original's 14 `PublishStatus` keys in its order, then ours — the record without its
 * callback deliveries and with only the artifact's size and sha-256 (never its location).
 */
export type JobView = Omit<JobRecord, 'artifact' | 'callbacks'> & {
  /** The zip the job made, if it is kept; `GET /jobs/{id}/artifact` gives a link. */
  artifact: { size_bytes: number; sha256: string | null } | null;
};

/** An item of `GET /jobs`: the job without its log. */
export type JobListItem = Omit<JobView, 'log'>;

/** The job as the API shows it. Keys are written one by one so their order is the wire order. */
export function jobView(record: JobRecord): JobView {
  return { ...jobListItem(record), log: [...record.log] };
}

export function jobListItem(record: JobRecord): JobListItem {
  return {
    ...toPublishStatus(record),
    created_at: record.created_at,
    started_at: record.started_at,
    finished_at: record.finished_at,
    updated_at: record.updated_at,
    worker: record.worker,
    attempt: record.attempt,
    counters: { ...record.counters },
    commits: { ...record.commits },
    artifact: record.artifact === null ? null : { size_bytes: record.artifact.size_bytes, sha256: record.artifact.sha256 },
    failure: record.failure === null ? null : { ...record.failure },
    target_languages: [...record.target_languages],
    cancel_requested_at: record.cancel_requested_at,
  };
}
