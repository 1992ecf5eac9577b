import { loadSettings } from '@zmp-manual/publish-pipeline';
import { resolve } from 'node:path';
import type { WorkerConfig } from '../worker.tokens';
import { configErrorOf, envProblems, isProblem, settingsOrProblem } from '@zmp-manual/app-config';
import { DAY_MS, workerEnvSchema } from './worker-config.schema';

type Env = Record<string, string | undefined>;

/**
 * Reads the worker's configuration from `env` once, at start: the worker's own variables and the pipeline's
 * (publish-pipeline's `loadSettings`). Every problem found is reported at once, each naming its variable;
 * values are never repeated (they may be secrets).
 */
export function loadWorkerConfig(env: Env, cwd = process.cwd()): WorkerConfig {
  const parsed = workerEnvSchema.safeParse(env);
  const pipeline = settingsOrProblem(() => loadSettings(env));
  const problems = parsed.success ? [] : envProblems(parsed.error.issues);
  if (isProblem(pipeline)) problems.push(pipeline);
  if (!parsed.success || isProblem(pipeline)) throw configErrorOf('worker', problems);
  const e = parsed.data;
  return {
    workerName: e.WORKER_NAME,
    redisUrl: e.REDIS_URL,
    keyPrefix: e.REDIS_KEY_PREFIX,
    healthPort: e.WORKER_HEALTH_PORT,
    dataDir: resolve(cwd, e.WORKER_DATA_DIR),
    concurrency: e.WORKER_CONCURRENCY,
    bull: {
      lockDurationMs: e.BULL_LOCK_DURATION_MS,
      lockRenewMs: e.BULL_LOCK_RENEW_MS ?? Math.floor(e.BULL_LOCK_DURATION_MS / 2),
      stalledIntervalMs: e.BULL_STALLED_INTERVAL_MS,
      maxStalledCount: e.BULL_MAX_STALLED_COUNT,
    },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    repoLockTtlMs: e.REPO_LOCK_TTL_MS,
    repoLockWaitMs: e.REPO_LOCK_WAIT_MS,
    cancelPollMs: e.CANCEL_POLL_MS,
    retention: {
      jobMaxAgeMs: Math.round(e.JOB_RETENTION_DAYS * DAY_MS),
      artifactMaxAgeMs: Math.round(e.ARTIFACT_RETENTION_DAYS * DAY_MS),
      artifactMaxBytes: e.ARTIFACT_MAX_BYTES,
      sweepEveryMs: e.RETENTION_SWEEP_EVERY_MS,
    },
    refresh: { debounceMs: e.NOTION_REFRESH_DEBOUNCE_MS },
    callbacks: {
      secret: e.CALLBACK_SECRET,
      allowPrivate: e.CALLBACK_ALLOW_PRIVATE,
      maxAttempts: e.CALLBACK_MAX_ATTEMPTS,
      backoffMs: e.CALLBACK_BACKOFF_MS,
      timeoutMs: e.CALLBACK_TIMEOUT_MS,
    },
    metricsEnabled: e.METRICS_ENABLED,
    pipeline,
  };
}
