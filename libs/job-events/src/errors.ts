/**
 * The closed set of errors this library throws. Each has a narrow string `code`, structured fields and a
 * `toJSON()` that carries no stack trace, so an API can map `code` to an HTTP status in one table.
 */

export type JobStoreErrorCode = 'job_exists' | 'job_not_found' | 'illegal_transition' | 'stale_attempt' | 'update_conflict' | 'invalid_query';

export class JobStoreError extends Error {
  constructor(
    readonly code: JobStoreErrorCode,
    message: string,
    readonly jobId: string | null,
    /** For `illegal_transition` and `stale_attempt`: the state the job was in and the one asked for. */
    readonly from: string | null = null,
    readonly to: string | null = null,
  ) {
    super(message);
    this.name = 'JobStoreError';
  }

  toJSON() {
    return { name: this.name, code: this.code, message: this.message, jobId: this.jobId, from: this.from, to: this.to };
  }
}

export interface PayloadIssue {
  /** Dotted path of the offending field, e.g. `target_languages.1`; `""` for the payload itself. */
  field: string;
  message: string;
}

export class JobPayloadError extends Error {
  readonly code = 'invalid_payload' as const;

  constructor(
    message: string,
    /** The first bad field, as in `issues[0].field`. */
    readonly field: string,
    readonly issues: PayloadIssue[],
  ) {
    super(message);
    this.name = 'JobPayloadError';
  }

  toJSON() {
    return { name: this.name, code: this.code, message: this.message, field: this.field, issues: this.issues };
  }
}

export type NotificationStoreErrorCode = 'notification_not_found' | 'invalid_notification';

export class NotificationStoreError extends Error {
  constructor(
    readonly code: NotificationStoreErrorCode,
    message: string,
    readonly notificationId: string | null,
  ) {
    super(message);
    this.name = 'NotificationStoreError';
  }

  toJSON() {
    return { name: this.name, code: this.code, message: this.message, notificationId: this.notificationId };
  }
}

/**
 * `slow_consumer`: the subscriber's buffer filled up and it was dropped (resume from its last id);
 * `bus_closed`: the bus was closed; `invalid_event_id`: a resume id that is not a stream id (or cursor);
 * `invalid_event`: an empty stream name or event type.
 */
export type EventBusErrorCode = 'slow_consumer' | 'bus_closed' | 'invalid_event_id' | 'invalid_event';

export class EventBusError extends Error {
  constructor(
    readonly code: EventBusErrorCode,
    message: string,
    readonly stream: string | null,
  ) {
    super(message);
    this.name = 'EventBusError';
  }

  toJSON() {
    return { name: this.name, code: this.code, message: this.message, stream: this.stream };
  }
}

/** `lock_timeout`: not acquired within `waitMs`; `lock_aborted`: the caller's signal aborted the wait; `lock_lost`: renewal failed. */
export type LockErrorCode = 'lock_timeout' | 'lock_aborted' | 'lock_lost';

export class LockError extends Error {
  constructor(
    readonly code: LockErrorCode,
    message: string,
    readonly key: string,
  ) {
    super(message);
    this.name = 'LockError';
  }

  toJSON() {
    return { name: this.name, code: this.code, message: this.message, key: this.key };
  }
}

/** The reason of a `cancelSignal()` abort: someone asked to cancel the job. */
export class JobCancelledError extends Error {
  readonly code = 'cancel_requested' as const;

  constructor(readonly jobId: string) {
    super(`Job ${jobId} was asked to cancel`);
    this.name = 'JobCancelledError';
  }

  toJSON() {
    return { name: this.name, code: this.code, message: this.message, jobId: this.jobId };
  }
}

export class SseError extends Error {
  readonly code = 'invalid_field' as const;

  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'SseError';
  }

  toJSON() {
    return { name: this.name, code: this.code, message: this.message, field: this.field };
  }
}

/**
 * `invalid_artifact`: an empty job id, a ttl that is not a positive integer, or bytes whose sha-256 is not the
 * one given; `invalid_location`: a location this store did not make.
 */
export type ArtifactStoreErrorCode = 'invalid_artifact' | 'invalid_location';

export class ArtifactStoreError extends Error {
  constructor(
    readonly code: ArtifactStoreErrorCode,
    message: string,
    readonly jobId: string | null,
  ) {
    super(message);
    this.name = 'ArtifactStoreError';
  }

  toJSON() {
    return { name: this.name, code: this.code, message: this.message, jobId: this.jobId };
  }
}

/** `invalid_solution`: an empty solution key, or one with a character that cannot be part of a key. */
export class ManualsCacheError extends Error {
  readonly code = 'invalid_solution' as const;

  constructor(
    message: string,
    readonly solution: string,
  ) {
    super(message);
    this.name = 'ManualsCacheError';
  }

  toJSON() {
    return { name: this.name, code: this.code, message: this.message, solution: this.solution };
  }
}

/**
 * `redis_error`: a Redis command failed (connection lost, timeout, a reply error such as `OOM`). `operation`
 * names the library call (`JobStore.update`); `cause` is ioredis' own error.
 */
export class RedisCommandError extends Error {
  readonly code = 'redis_error' as const;

  constructor(
    readonly operation: string,
    cause: unknown,
  ) {
    super(`${operation} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'RedisCommandError';
  }

  toJSON() {
    return { name: this.name, code: this.code, message: this.message, operation: this.operation };
  }
}

const OWN_ERRORS = [JobStoreError, JobPayloadError, NotificationStoreError, EventBusError, LockError, JobCancelledError, SseError, ArtifactStoreError, ManualsCacheError, RedisCommandError];

/** Runs `call`; an error that is not one of ours (ioredis') comes out as a `RedisCommandError`. */
export async function redisCall<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw OWN_ERRORS.some((own) => error instanceof own) ? error : new RedisCommandError(operation, error);
  }
}
