/**
 * The one table of library error codes → HTTP answers (CONVENTIONS §5). The libraries throw closed sets of
 * errors with a narrow `code` (job-events: `JobStoreError`, `NotificationStoreError`, `EventBusError`,
 * `LockError`, `ManualsCacheError`, `RedisCommandError`, …); the exception filter looks the code up here.
 * A code that is not here is a bug or an outage: 500 with an error id, and the details only in the log.
 */

/** Where a 422's problem is, FastAPI-style (`loc`): every 422 of this API has a `detail` array. */
type Location = Array<string | number>;

export interface ErrorStatusRow {
  status: number;
  /** What the caller reads: a fixed text, or `'message'` = the library's own message (it names no secret). */
  detail: string | 'message';
  /** For 422 rows: the `loc` of the single `{loc, msg, type}` problem. */
  loc?: Location;
  /** Seconds a client should wait before retrying (sent as `Retry-After`). */
  retryAfterSeconds?: number;
}

/** Seconds a client should wait when Redis or a lock is unavailable. */
export const RETRY_AFTER_UNAVAILABLE_S = 5;

export const ERROR_STATUS_TABLE: Readonly<Record<string, ErrorStatusRow>> = {
  // job-events: records
  job_not_found: { status: 404, detail: 'Job not found' },
  notification_not_found: { status: 404, detail: 'Notification not found' },
  job_exists: { status: 409, detail: 'A job with this id exists already' },
  illegal_transition: { status: 409, detail: 'message' },
  stale_attempt: { status: 409, detail: 'message' },
  update_conflict: { status: 409, detail: 'message' },
  // input the libraries refused
  invalid_query: { status: 422, detail: 'message', loc: ['query'] },
  invalid_payload: { status: 422, detail: 'message', loc: ['body'] },
  invalid_notification: { status: 422, detail: 'message', loc: ['body'] },
  invalid_solution: { status: 422, detail: 'message', loc: ['query', 'selected_solution'] },
  invalid_event_id: { status: 422, detail: 'message', loc: ['header', 'Last-Event-ID'] },
  // outages: retry later
  redis_error: { status: 503, detail: 'Redis is unavailable; retry later', retryAfterSeconds: RETRY_AFTER_UNAVAILABLE_S },
  lock_timeout: { status: 503, detail: 'A lock could not be acquired in time; retry later', retryAfterSeconds: RETRY_AFTER_UNAVAILABLE_S },
  bus_closed: { status: 503, detail: 'The server is shutting down; retry later', retryAfterSeconds: 1 },
  slow_consumer: { status: 503, detail: 'The event stream fell behind; reconnect', retryAfterSeconds: 1 },
};

/** The row for `code`, if the table has one (own properties only: `toString` is not a code). */
export function errorStatusRow(code: string): ErrorStatusRow | undefined {
  return Object.prototype.hasOwnProperty.call(ERROR_STATUS_TABLE, code) ? ERROR_STATUS_TABLE[code] : undefined;
}
