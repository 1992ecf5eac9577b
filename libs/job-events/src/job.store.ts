import type { Redis } from 'ioredis';
import { JobStoreError, redisCall } from './errors';
import { withCallbackDelivery } from './job-callback';
import type { CallbackDeliveryInput } from './job-callback';
import type { JobInit, JobRecord, JobUpdate } from './job-record';
import { newJobRecord, parseJobRecord, toPublishStatus } from './job-record';
import type { JobState } from './job-state';
import { JOB_STATES, TERMINAL_JOB_STATES, isJobState } from './job-state';
import { createJobScript, deleteJobScript, listJobsScript, updateJobScript } from './job-store.scripts';
import { applyJobUpdate, requestCancelOf, startAttempt } from './job-update';
import { keySpace, jobStream } from './keys';
import type { KeySpace } from './keys';

/** The event type of the status events the store appends to `job:<id>`; `data` is the `PublishStatus`. */
export const JOB_STATUS_EVENT = 'status';

export interface JobStoreOptions {
  /** A connection for plain commands (shared with anything else; never blocked). */
  redis: Redis;
  /** Prepended to every key, e.g. `zmp:`. */
  keyPrefix: string;
  /** Lines kept in `record.log` (default 200). */
  logLimit?: number;
  /** Approximate cap of each job's event stream (`XADD MAXLEN ~`, default 1000). */
  streamMaxLength?: number;
  /** Callback deliveries kept in `record.callbacks` (default 50; the oldest drop off). */
  callbackLimit?: number;
  /** Source of time (default `() => new Date()`). */
  clock?: () => Date;
}

export interface DeleteFinishedOptions {
  /** Terminal jobs read per page (default 500). */
  batchSize?: number;
  /** Called after each job it deleted, e.g. to delete what is kept beside the job (its artifact). Awaited. */
  onDeleted?: (jobId: string) => Promise<unknown> | unknown;
}

export interface JobListQuery {
  /** Only jobs in this state. */
  status?: JobState;
  /** 1-based page (default 1). */
  page?: number;
  /** Page size, 1–1000 (default 20). */
  size?: number;
  /** The original's `?limit=`: the first `limit` jobs (same as `page: 1, size: limit`). */
  limit?: number;
  /** Only the jobs of this user (`initiated_by`); jobs without one are in no user's list. */
  initiatedBy?: string;
}

export interface JobPage {
  items: JobRecord[];
  /** How many jobs match the filter. */
  total: number;
  page: number;
  size: number;
}

/** A record and the id of the last event of its stream, read atomically: "the job as of event `eventId`". */
export interface JobSnapshot {
  record: JobRecord;
  eventId: string | null;
}

const MAX_CAS_ATTEMPTS = 100;

/**
 * Job records on Redis: atomic state transitions (compare-and-set in Lua), indexes per status and per user
 * (`initiated_by`) for newest-first pages in O(page) work, a status event per change on the job's stream, retention, and the
 * durable cancel flag (see job-cancel.ts).
 */
export class JobStore {
  readonly keys: KeySpace;
  readonly redis: Redis;
  private readonly logLimit: number;
  private readonly maxLen: number;
  private readonly callbackLimit: number;
  private readonly clock: () => Date;

  constructor(options: JobStoreOptions) {
    this.redis = options.redis;
    this.keys = keySpace(options.keyPrefix);
    this.logLimit = options.logLimit ?? 200;
    this.maxLen = options.streamMaxLength ?? 1000;
    this.callbackLimit = options.callbackLimit ?? 50;
    this.clock = options.clock ?? (() => new Date());
  }

  /** Creates a job; `job_exists` if the id is taken. Appends the first status event. */
  create(init: JobInit): Promise<JobRecord> {
    return redisCall('JobStore.create', async () => {
      const now = this.clock();
      const record = newJobRecord(init, now.toISOString());
      const k = this.keys;
      const user = record.initiated_by ?? '';
      const userKeys = user === '' ? [] : [k.jobIndexUser(user), k.jobIndexUserStatus(user, record.status)];
      const id = await createJobScript.run(
        this.redis,
        [k.jobRecord(record.job_id), k.jobIndexAll, k.jobIndexStatus(record.status), k.stream(jobStream(record.job_id)), ...userKeys],
        [JSON.stringify(record), record.job_id, now.getTime(), record.status, JOB_STATUS_EVENT, JSON.stringify(toPublishStatus(record)), this.maxLen, user],
      );
      if (id === null) throw new JobStoreError('job_exists', `Job ${record.job_id} already exists`, record.job_id);
      return record;
    });
  }

  get(jobId: string): Promise<JobRecord | null> {
    return redisCall('JobStore.get', async () => {
      const json = await this.redis.hget(this.keys.jobRecord(jobId), 'json');
      return json === null ? null : parseJobRecord(json);
    });
  }

  /** The record and the id of its stream's last event, read in one transaction. */
  snapshot(jobId: string): Promise<JobSnapshot | null> {
    return redisCall('JobStore.snapshot', async () => {
      const replies = await this.redis
        .multi()
        .hget(this.keys.jobRecord(jobId), 'json')
        .xrevrange(this.keys.stream(jobStream(jobId)), '+', '-', 'COUNT', 1)
        .exec();
      const json = replies?.[0]?.[1] as string | null | undefined;
      if (!json) return null;
      const last = (replies?.[1]?.[1] ?? []) as [string, string[]][];
      return { record: parseJobRecord(json), eventId: last[0]?.[0] ?? null };
    });
  }

  /** Applies an update through the transition table; `illegal_transition` when refused, `job_not_found`. */
  update(jobId: string, patch: JobUpdate): Promise<JobRecord> {
    return redisCall('JobStore.update', () => this.mutate(jobId, (record, now) => applyJobUpdate(record, patch, now, this.logLimit)));
  }

  /** A worker begins an attempt (attempt + 1), from any non-terminal state. */
  start(jobId: string, options: { worker?: string | null; message?: string | null } = {}): Promise<JobRecord> {
    return redisCall('JobStore.start', () => this.mutate(jobId, (record, now) => startAttempt(record, options.worker ?? null, options.message ?? null, now)));
  }

  /**
   * Appends one attempt at delivering the job's callback to `record.callbacks` (its `url` without userinfo).
   * The state does not change, so this works on a terminal job too; no status event is appended.
   */
  recordCallback(jobId: string, delivery: CallbackDeliveryInput): Promise<JobRecord> {
    return redisCall('JobStore.recordCallback', () => this.mutate(jobId, (record, now) => withCallbackDelivery(record, delivery, now, this.callbackLimit)));
  }

  /** Marks the job `cancel_requested` and sets its durable cancel flag in the same step. */
  markCancelRequested(jobId: string): Promise<{ record: JobRecord; changed: boolean }> {
    return redisCall('JobStore.markCancelRequested', async () => {
      let changed = false;
      const record = await this.mutate(
        jobId,
        (current, now) => {
          const next = requestCancelOf(current, now);
          changed = next !== null;
          return next;
        },
        (next) => next.cancel_requested_at ?? '',
      );
      return { record, changed };
    });
  }

  /** Newest first (by created_at), optionally one status and/or one user; reads only the page asked for, atomically. */
  list(query: JobListQuery = {}): Promise<JobPage> {
    return redisCall('JobStore.list', async () => {
      const page = query.limit !== undefined ? 1 : (query.page ?? 1);
      const size = query.limit ?? query.size ?? 20;
      if (!Number.isInteger(page) || page < 1) throw new JobStoreError('invalid_query', `page must be an integer >= 1, got ${page}`, null);
      if (!Number.isInteger(size) || size < 1 || size > 1000) throw new JobStoreError('invalid_query', `size must be an integer in 1..1000, got ${size}`, null);
      if (query.status !== undefined && !isJobState(query.status)) throw new JobStoreError('invalid_query', `unknown status ${String(query.status)}`, null);
      if (query.initiatedBy !== undefined && (typeof query.initiatedBy !== 'string' || query.initiatedBy === '')) {
        throw new JobStoreError('invalid_query', 'initiatedBy must be a non-empty user name', null);
      }
      const index = this.indexOf(query.status, query.initiatedBy);
      const start = (page - 1) * size;
      const [total, ...jsons] = (await listJobsScript.run(this.redis, [index], [start, start + size - 1, this.keys.jobRecord('')])) as [number, ...(string | null)[]];
      const items = jsons.filter((json): json is string => typeof json === 'string').map(parseJobRecord);
      return { items, total, page, size };
    });
  }

  /** Deletes a job: record, indexes (its user's too), event stream and cancel flag. */
  delete(jobId: string): Promise<boolean> {
    return redisCall('JobStore.delete', async () => {
      const k = this.keys;
      const keys = [k.jobRecord(jobId), k.stream(jobStream(jobId)), k.cancelFlag(jobId), k.jobIndexAll, ...JOB_STATES.map((s) => k.jobIndexStatus(s))];
      for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt += 1) {
        const user = (await this.redis.hget(k.jobRecord(jobId), 'u')) ?? '';
        const userKeys = user === '' ? [] : [k.jobIndexUser(user), ...JOB_STATES.map((s) => k.jobIndexUserStatus(user, s))];
        const result = await deleteJobScript.run(this.redis, [...keys, ...userKeys], [jobId, user]);
        if (result !== -1) return result === 1;
      }
      throw new JobStoreError('update_conflict', `Job ${jobId} changed ${MAX_CAS_ATTEMPTS} times during one delete`, jobId);
    });
  }

  /** Retention: deletes terminal jobs that finished before `before`. Returns how many were deleted. */
  deleteFinishedBefore(before: Date, options: DeleteFinishedOptions = {}): Promise<number> {
    return redisCall('JobStore.deleteFinishedBefore', async () => {
      const batch = options.batchSize ?? 500;
      let deleted = 0;
      for (const status of TERMINAL_JOB_STATES) {
        // A job finishes after it is created: only jobs created before the cut-off can qualify.
        for (let offset = 0; ; ) {
          const ids = await this.redis.zrangebyscore(this.keys.jobIndexStatus(status), '-inf', before.getTime(), 'LIMIT', offset, batch);
          let kept = 0;
          for (const id of ids) {
            const record = await this.get(id);
            if (record && record.finished_at !== null && Date.parse(record.finished_at) < before.getTime() && (await this.delete(id))) {
              deleted += 1;
              await options.onDeleted?.(id);
            } else kept += 1;
          }
          if (ids.length < batch) break;
          offset += kept;
        }
      }
      return deleted;
    });
  }

  /** The index a list reads: everyone's or one user's, every status or one. */
  private indexOf(status: JobState | undefined, user: string | undefined): string {
    const k = this.keys;
    if (user !== undefined) return status ? k.jobIndexUserStatus(user, status) : k.jobIndexUser(user);
    return status ? k.jobIndexStatus(status) : k.jobIndexAll;
  }

  /** Read, change, compare-and-set on the version, retried when another writer got there first. */
  private async mutate(jobId: string, change: (record: JobRecord, now: string) => JobRecord | null, cancelFlag?: (next: JobRecord) => string): Promise<JobRecord> {
    const k = this.keys;
    for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt += 1) {
      // `u` (the user whose indexes hold the job) is read with the version, so the keys below are the record's.
      const [version, json, storedUser] = await this.redis.hmget(k.jobRecord(jobId), 'v', 'json', 'u');
      if (version === null || json === null) throw new JobStoreError('job_not_found', `Job ${jobId} not found`, jobId);
      const current = parseJobRecord(json);
      const next = change(current, this.clock().toISOString());
      if (next === null) return current;
      const before = JSON.stringify(toPublishStatus(current));
      const status = JSON.stringify(toPublishStatus(next));
      const user = storedUser ?? '';
      const userKeys = user === '' ? [] : [k.jobIndexUserStatus(user, current.status), k.jobIndexUserStatus(user, next.status)];
      const result = await updateJobScript.run(
        this.redis,
        [k.jobRecord(jobId), k.jobIndexStatus(current.status), k.jobIndexStatus(next.status), k.stream(jobStream(jobId)), k.cancelFlag(jobId), ...userKeys],
        [version, JSON.stringify(next), jobId, Date.parse(next.created_at), next.status, JOB_STATUS_EVENT, status === before ? '' : status, this.maxLen, cancelFlag?.(next) ?? '', user],
      );
      if (result === -2) throw new JobStoreError('job_not_found', `Job ${jobId} not found`, jobId);
      if (result !== -1) return next;
    }
    throw new JobStoreError('update_conflict', `Job ${jobId} changed ${MAX_CAS_ATTEMPTS} times during one update`, jobId);
  }
}
