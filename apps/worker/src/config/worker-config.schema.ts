import { hostname } from 'node:os';
import { z } from 'zod';
import { booleanVar, integerVar, optionalIntegerVar, optionalSecretVar, positiveNumberVar, redisUrlVar, stringVar } from '@zmp-manual/app-config';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_PORT = 65_535;

/**
 * Every env variable of the worker itself (the pipeline's own — Notion, GitHub, OpenAI, solutions — are read
 * by `loadSettings` of @zmp-manual/publish-pipeline). Keys are the variable names, so an issue's path names
 * the variable. Defaults are listed in apps/worker/README.md.
 */
export const workerEnvSchema = z
  .object({
    WORKER_NAME: stringVar(hostname()),
    REDIS_URL: redisUrlVar('redis://127.0.0.1:6379'),
    REDIS_KEY_PREFIX: stringVar('zmp:').refine((v) => /^[A-Za-z0-9:_.-]{1,64}$/.test(v), {
      error: 'must be 1–64 characters of letters, digits and : _ . -',
    }),
    WORKER_HEALTH_PORT: integerVar(8081, 0, MAX_PORT),
    WORKER_DATA_DIR: stringVar('./data'),
    WORKER_CONCURRENCY: integerVar(1, 1, 64),
    BULL_LOCK_DURATION_MS: integerVar(30_000, 1_000),
    BULL_LOCK_RENEW_MS: optionalIntegerVar(100),
    BULL_STALLED_INTERVAL_MS: integerVar(30_000, 100),
    BULL_MAX_STALLED_COUNT: integerVar(2, 0, 100),
    SHUTDOWN_GRACE_MS: integerVar(60_000, 0),
    REPO_LOCK_TTL_MS: integerVar(60_000, 1_000),
    REPO_LOCK_WAIT_MS: integerVar(600_000, 0),
    CANCEL_POLL_MS: integerVar(1_000, 50),
    JOB_RETENTION_DAYS: positiveNumberVar(30),
    ARTIFACT_RETENTION_DAYS: positiveNumberVar(7),
    ARTIFACT_MAX_BYTES: integerVar(104_857_600, 0),
    RETENTION_SWEEP_EVERY_MS: integerVar(3_600_000, 1_000),
    NOTION_REFRESH_DEBOUNCE_MS: integerVar(60_000, 0),
    CALLBACK_SECRET: optionalSecretVar(),
    CALLBACK_ALLOW_PRIVATE: booleanVar(false),
    CALLBACK_MAX_ATTEMPTS: integerVar(6, 1, 100),
    CALLBACK_BACKOFF_MS: integerVar(2_000, 0),
    CALLBACK_TIMEOUT_MS: integerVar(10_000, 100),
    METRICS_ENABLED: booleanVar(true),
  })
  .superRefine((env, ctx) => {
    const renew = env.BULL_LOCK_RENEW_MS;
    if (renew !== undefined && renew >= env.BULL_LOCK_DURATION_MS) {
      ctx.addIssue({ code: 'custom', path: ['BULL_LOCK_RENEW_MS'], message: 'must be less than BULL_LOCK_DURATION_MS' });
    }
  });

export { DAY_MS };
