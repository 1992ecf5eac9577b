/**
 * What the worker's modules share (docs/decisions/0004-publish-pipeline-and-worker.md): the injection tokens
 * and the interfaces behind them. The core module (config, Redis, stores) provides the first group; the
 * callbacks, artifacts and metrics modules provide the second; the publish processor uses both.
 */
import type { JobArtifact, JobRecord } from '@zmp-manual/job-events';
import type { PipelineSettings } from '@zmp-manual/publish-pipeline';

/** The typed configuration, parsed once at start (`WorkerConfig`). */
export const WORKER_CONFIG = Symbol('WORKER_CONFIG');
/** An ioredis client for plain commands (never blocked). */
export const REDIS = Symbol('REDIS');
/** `JobStore`, `JobCancellation`, `NotificationStore`, `EventBus` instances from @zmp-manual/job-events. */
export const JOB_STORE = Symbol('JOB_STORE');
export const JOB_CANCELLATION = Symbol('JOB_CANCELLATION');
export const NOTIFICATION_STORE = Symbol('NOTIFICATION_STORE');
/** Masks the configured secrets (tokens, keys, the callback secret) in text bound for logs, records or events. */
export const SECRET_REDACTOR = Symbol('SECRET_REDACTOR');
export interface SecretRedaction {
  redact(text: string): string;
}

/** Schedules the outbound callback of a job that reached a terminal state (Standard Webhooks). */
export const JOB_CALLBACKS = Symbol('JOB_CALLBACKS');
export interface JobCallbacks {
  /** Queues the delivery of `record` to `url`; returns at once (deliveries retry in the background). */
  schedule(record: JobRecord, url: string): Promise<void>;
}

/** Keeps the zip of a job's generated tree for the retention period. */
export const ARTIFACT_SINK = Symbol('ARTIFACT_SINK');
export interface ArtifactSink {
  /** Stores the zip; `null` when it is too large to keep (the job still completes, with a log line). */
  put(jobId: string, bytes: Uint8Array, sha256: string): Promise<JobArtifact | null>;
}

/** Prometheus metrics the processor feeds. */
export const WORKER_METRICS = Symbol('WORKER_METRICS');
export interface WorkerMetrics {
  jobStarted(solution: string): void;
  jobFinished(solution: string, state: 'completed' | 'failed' | 'cancelled', durationMs: number): void;
  /** Optional: the job left this worker without a terminal state (handed back at shutdown, or taken over). */
  jobReleased?(solution: string): void;
}

/** Names of the Bull queues and job names (shared with the API). */
export { CALLBACK_JOB, MAINTENANCE_QUEUE, NOTION_REFRESH_JOB, PUBLISH_QUEUE, RETENTION_JOB } from '@zmp-manual/queue-contract';

/** The configuration the worker runs with. Every field comes from one documented env var. */
export interface WorkerConfig {
  /** `WORKER_NAME`, default the host name: recorded as the job's `worker`. */
  workerName: string;
  /** `REDIS_URL` (default redis://127.0.0.1:6379) and `REDIS_KEY_PREFIX` (default `zmp:`), used by Bull too. */
  redisUrl: string;
  keyPrefix: string;
  /** `WORKER_HEALTH_PORT` (default 8081): health and metrics only. */
  healthPort: number;
  /** `WORKER_DATA_DIR` (default ./data): working copies and export state. */
  dataDir: string;
  /** `WORKER_CONCURRENCY` (default 1): publish jobs at once in this process. */
  concurrency: number;
  bull: {
    /** `BULL_LOCK_DURATION_MS` (default 30000), `BULL_LOCK_RENEW_MS` (default half of it),
     * `BULL_STALLED_INTERVAL_MS` (default 30000), `BULL_MAX_STALLED_COUNT` (default 2). */
    lockDurationMs: number;
    lockRenewMs: number;
    stalledIntervalMs: number;
    maxStalledCount: number;
  };
  /** `SHUTDOWN_GRACE_MS` (default 60000): how long SIGTERM waits for the active job before re-queueing it. */
  shutdownGraceMs: number;
  /** `REPO_LOCK_TTL_MS` (default 60000), `REPO_LOCK_WAIT_MS` (default 600000). */
  repoLockTtlMs: number;
  repoLockWaitMs: number;
  /** `CANCEL_POLL_MS` (default 1000). */
  cancelPollMs: number;
  retention: {
    /** `JOB_RETENTION_DAYS` (default 30): finished jobs and notifications older than this are deleted. */
    jobMaxAgeMs: number;
    /** `ARTIFACT_RETENTION_DAYS` (default 7). */
    artifactMaxAgeMs: number;
    /** `ARTIFACT_MAX_BYTES` (default 104857600). */
    artifactMaxBytes: number;
    /** `RETENTION_SWEEP_EVERY_MS` (default 3600000). */
    sweepEveryMs: number;
  };
  refresh: {
    /** `NOTION_REFRESH_DEBOUNCE_MS` (default 60000): a page's webhook refreshes are merged within this window. */
    debounceMs: number;
  };
  callbacks: {
    /** `CALLBACK_SECRET` (`whsec_<base64>` or any string; optional — without it callbacks are refused at enqueue). */
    secret: string | null;
    /** `CALLBACK_ALLOW_PRIVATE` (default false): allow loopback/private/link-local targets. */
    allowPrivate: boolean;
    /** `CALLBACK_MAX_ATTEMPTS` (default 6), `CALLBACK_BACKOFF_MS` (default 2000, doubled each time), `CALLBACK_TIMEOUT_MS` (default 10000). */
    maxAttempts: number;
    backoffMs: number;
    timeoutMs: number;
  };
  /** `METRICS_ENABLED` (default true). */
  metricsEnabled: boolean;
  /**
   * The pipeline's settings (Notion, solutions, repository, translation), read by publish-pipeline's
   * `loadSettings` from the same environment: `NOTION_TOKEN`, `<SOL>_ROOT_PAGE_ID`, `GITHUB_*`, `OPENAI_*`, …
   */
  pipeline: PipelineSettings;
}
