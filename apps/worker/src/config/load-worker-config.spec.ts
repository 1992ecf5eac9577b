import { ConfigError } from '@zmp-manual/app-config';
import { loadWorkerConfig } from './load-worker-config';

/** The least the pipeline needs: a Notion token and one solution's root page. */
const PIPELINE_ENV = { NOTION_TOKEN: 'secret_notion_token', ZCP_ROOT_PAGE_ID: '19ab7135d33b803b8ea7ff3e366f707d' };

const failure = (env: Record<string, string | undefined>): ConfigError => {
  try {
    loadWorkerConfig({ ...PIPELINE_ENV, ...env }, '/srv');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('loadWorkerConfig', () => {
  it('fills every default from an empty environment', () => {
    const { pipeline, ...config } = loadWorkerConfig({ ...PIPELINE_ENV, WORKER_NAME: 'pod-1' }, '/srv');
    expect(pipeline.notion.token).toBe('secret_notion_token');
    expect(pipeline.solutions.map((solution) => solution.id)).toEqual(['zcp']);
    expect(config).toEqual({
      workerName: 'pod-1',
      redisUrl: 'redis://127.0.0.1:6379',
      keyPrefix: 'zmp:',
      healthPort: 8081,
      dataDir: '/srv/data',
      concurrency: 1,
      bull: { lockDurationMs: 30_000, lockRenewMs: 15_000, stalledIntervalMs: 30_000, maxStalledCount: 2 },
      shutdownGraceMs: 60_000,
      repoLockTtlMs: 60_000,
      repoLockWaitMs: 600_000,
      cancelPollMs: 1_000,
      retention: { jobMaxAgeMs: 30 * 86_400_000, artifactMaxAgeMs: 7 * 86_400_000, artifactMaxBytes: 104_857_600, sweepEveryMs: 3_600_000 },
      refresh: { debounceMs: 60_000 },
      callbacks: { secret: null, allowPrivate: false, maxAttempts: 6, backoffMs: 2_000, timeoutMs: 10_000 },
      metricsEnabled: true,
    });
  });

  it('reads every variable', () => {
    const config = loadWorkerConfig(
      {
        ...PIPELINE_ENV,
        WORKER_NAME: 'w',
        REDIS_URL: 'rediss://:pw@redis.internal:6380/2',
        REDIS_KEY_PREFIX: 'test-1:',
        WORKER_HEALTH_PORT: '0',
        WORKER_DATA_DIR: '/var/lib/zmp',
        WORKER_CONCURRENCY: '3',
        BULL_LOCK_DURATION_MS: '3000',
        BULL_LOCK_RENEW_MS: '1000',
        BULL_STALLED_INTERVAL_MS: '1000',
        BULL_MAX_STALLED_COUNT: '0',
        SHUTDOWN_GRACE_MS: '0',
        REPO_LOCK_TTL_MS: '5000',
        REPO_LOCK_WAIT_MS: '0',
        CANCEL_POLL_MS: '200',
        JOB_RETENTION_DAYS: '0.5',
        ARTIFACT_RETENTION_DAYS: '1',
        ARTIFACT_MAX_BYTES: '1024',
        RETENTION_SWEEP_EVERY_MS: '60000',
        NOTION_REFRESH_DEBOUNCE_MS: '0',
        CALLBACK_SECRET: 'whsec_c2VjcmV0',
        CALLBACK_ALLOW_PRIVATE: 'yes',
        CALLBACK_MAX_ATTEMPTS: '2',
        CALLBACK_BACKOFF_MS: '10',
        CALLBACK_TIMEOUT_MS: '500',
        METRICS_ENABLED: 'off',
      },
      '/srv',
    );
    expect(config).toMatchObject({
      redisUrl: 'rediss://:pw@redis.internal:6380/2',
      keyPrefix: 'test-1:',
      healthPort: 0,
      dataDir: '/var/lib/zmp',
      concurrency: 3,
      bull: { lockDurationMs: 3000, lockRenewMs: 1000, stalledIntervalMs: 1000, maxStalledCount: 0 },
      shutdownGraceMs: 0,
      repoLockTtlMs: 5000,
      repoLockWaitMs: 0,
      cancelPollMs: 200,
      retention: { jobMaxAgeMs: 43_200_000, artifactMaxAgeMs: 86_400_000, artifactMaxBytes: 1024, sweepEveryMs: 60_000 },
      refresh: { debounceMs: 0 },
      callbacks: { secret: 'whsec_c2VjcmV0', allowPrivate: true, maxAttempts: 2, backoffMs: 10, timeoutMs: 500 },
      metricsEnabled: false,
    });
  });

  it('treats a blank variable as unset', () => {
    expect(loadWorkerConfig({ ...PIPELINE_ENV, WORKER_CONCURRENCY: '  ', CALLBACK_SECRET: '' }, '/srv')).toMatchObject({ concurrency: 1, callbacks: { secret: null } });
  });

  it.each([
    ['WORKER_CONCURRENCY', 'two', 'WORKER_CONCURRENCY must be a whole number'],
    ['WORKER_CONCURRENCY', '0', 'WORKER_CONCURRENCY must be at least 1'],
    ['WORKER_HEALTH_PORT', '70000', 'WORKER_HEALTH_PORT must be at most 65535'],
    ['REDIS_URL', 'http://127.0.0.1:6379', 'REDIS_URL must be a redis:// or rediss:// URL'],
    ['REDIS_KEY_PREFIX', 'a b', 'REDIS_KEY_PREFIX must be 1–64 characters'],
    ['BULL_LOCK_DURATION_MS', '1.5', 'BULL_LOCK_DURATION_MS must be a whole number'],
    ['JOB_RETENTION_DAYS', '-1', 'JOB_RETENTION_DAYS must be a positive number'],
    ['METRICS_ENABLED', 'maybe', 'METRICS_ENABLED must be true or false'],
  ])('names %s when it is %j', (variable, value, message) => {
    const error = failure({ [variable]: value });
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(message);
  });

  it('checks the lock renewal against the lock duration', () => {
    const error = failure({ BULL_LOCK_DURATION_MS: '3000', BULL_LOCK_RENEW_MS: '3000' });
    expect(error.message).toBe('Invalid worker configuration: BULL_LOCK_RENEW_MS must be less than BULL_LOCK_DURATION_MS');
  });

  it("names the pipeline's variables too, in the same message", () => {
    const error = failure({ NOTION_TOKEN: undefined, WORKER_CONCURRENCY: 'x' });
    expect(error.variable).toBe('WORKER_CONCURRENCY, NOTION_TOKEN');
    expect(error.message).toBe('Invalid worker configuration: WORKER_CONCURRENCY must be a whole number (1–64); NOTION_TOKEN is required');
    expect(failure({ MAX_CHUNK_SIZE: 'lots' }).variable).toBe('MAX_CHUNK_SIZE');
  });

  it('reports every bad variable at once and never repeats a value', () => {
    const error = failure({ WORKER_CONCURRENCY: 'x', CALLBACK_MAX_ATTEMPTS: 'hunter2-secret', REDIS_URL: 'nope://hunter2@host' });
    expect(error.variable).toBe('REDIS_URL, WORKER_CONCURRENCY, CALLBACK_MAX_ATTEMPTS');
    expect(error.message).not.toContain('hunter2');
    expect(JSON.parse(JSON.stringify(error))).toEqual({ name: 'ConfigError', code: 'invalid_config', variable: error.variable, message: error.message });
  });
});
