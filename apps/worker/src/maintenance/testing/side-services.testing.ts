import { BullModule } from '@nestjs/bull';
import type { DynamicModule, INestApplication, ModuleMetadata } from '@nestjs/common';
import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JobCancellation, JobStore, NotificationStore } from '@zmp-manual/job-events';
import { loadSettings } from '@zmp-manual/publish-pipeline';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { WorkerConfig } from '../../worker.tokens';
import { JOB_CANCELLATION, JOB_STORE, NOTIFICATION_STORE, REDIS, WORKER_CONFIG } from '../../worker.tokens';

/**
 * For the specs of the side modules (callbacks, artifacts, maintenance, metrics): what the core module
 * provides in the app — the config, one Redis connection, the real job-events stores — on the real Redis at
 * 127.0.0.1:6379 under a key prefix of its own, and Bull's root options with a prefix under it.
 */

type Overrides = { [K in keyof WorkerConfig]?: WorkerConfig[K] extends object ? Partial<WorkerConfig[K]> : WorkerConfig[K] };

/**
 * Pipeline settings that name one solution and reach no Notion (give `config.pipeline` to crawl one), read by
 * publish-pipeline's own `loadSettings` so they keep its shape.
 */
const NO_PIPELINE: WorkerConfig['pipeline'] = loadSettings({
  NOTION_TOKEN: 'secret_not_used',
  NOTION_BASE_URL: 'http://127.0.0.1:9',
  NOTION_RATE_LIMIT: '0',
  SOLUTIONS: 'zcp',
  ZCP_ROOT_PAGE_ID: '00000000-0000-4000-8000-000000000000',
  TRANSLATION_PROVIDER: 'pseudo',
});

export function testWorkerConfig(keyPrefix: string, overrides: Overrides = {}): WorkerConfig {
  const base: WorkerConfig = {
    workerName: 'test-worker',
    redisUrl: 'redis://127.0.0.1:6379',
    keyPrefix,
    healthPort: 0,
    dataDir: './data',
    concurrency: 1,
    bull: { lockDurationMs: 30_000, lockRenewMs: 15_000, stalledIntervalMs: 30_000, maxStalledCount: 2 },
    shutdownGraceMs: 1_000,
    repoLockTtlMs: 60_000,
    repoLockWaitMs: 60_000,
    cancelPollMs: 100,
    retention: { jobMaxAgeMs: 30 * 86_400_000, artifactMaxAgeMs: 7 * 86_400_000, artifactMaxBytes: 1_000_000, sweepEveryMs: 3_600_000 },
    refresh: { debounceMs: 60_000 },
    callbacks: { secret: null, allowPrivate: false, maxAttempts: 3, backoffMs: 20, timeoutMs: 5_000 },
    metricsEnabled: true,
    pipeline: NO_PIPELINE,
  };
  return {
    ...base,
    ...overrides,
    bull: { ...base.bull, ...overrides.bull },
    retention: { ...base.retention, ...overrides.retention },
    refresh: { ...base.refresh, ...overrides.refresh },
    callbacks: { ...base.callbacks, ...overrides.callbacks },
    pipeline: { ...base.pipeline, ...overrides.pipeline },
  } as WorkerConfig;
}

@Global()
@Module({})
class TestCoreModule {
  static forRoot(config: WorkerConfig, redis: Redis): DynamicModule {
    const jobs = new JobStore({ redis, keyPrefix: config.keyPrefix });
    return {
      module: TestCoreModule,
      imports: [BullModule.forRoot({ redis: { host: '127.0.0.1', port: 6379 }, prefix: `${config.keyPrefix}bull` })],
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        { provide: REDIS, useValue: redis },
        { provide: JOB_STORE, useValue: jobs },
        { provide: JOB_CANCELLATION, useValue: new JobCancellation({ jobs }) },
        { provide: NOTIFICATION_STORE, useValue: new NotificationStore({ redis, keyPrefix: config.keyPrefix }) },
      ],
      exports: [WORKER_CONFIG, REDIS, JOB_STORE, JOB_CANCELLATION, NOTIFICATION_STORE],
    };
  }
}

@Module({})
class SideServicesTestModule {}

export interface SideServicesApp {
  app: INestApplication;
  config: WorkerConfig;
  /** The app's own connection (what REDIS provides). */
  redis: Redis;
  jobs: JobStore;
  notifications: NotificationStore;
  /** `http://127.0.0.1:<port>` when started with `listen: true`. */
  url: string | null;
  /** Closes the app and the connection (not the keys: see `deleteKeys`). */
  close(): Promise<void>;
}

export interface StartOptions {
  imports: ModuleMetadata['imports'];
  /** Key prefix (default a new unique one); two apps with the same prefix are two replicas. */
  keyPrefix?: string;
  config?: Overrides;
  listen?: boolean;
}

export const uniquePrefix = () => `test:worker-side:${randomUUID()}:`;

export async function startSideServices(options: StartOptions): Promise<SideServicesApp> {
  const config = testWorkerConfig(options.keyPrefix ?? uniquePrefix(), options.config);
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2 });
  const root: DynamicModule = { module: SideServicesTestModule, imports: [TestCoreModule.forRoot(config, redis), ...(options.imports ?? [])] };
  const app = await NestFactory.create(root, { logger: ['error'] });
  let url: string | null = null;
  if (options.listen) {
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    url = `http://127.0.0.1:${address.port}`;
  } else await app.init();
  return {
    app,
    config,
    redis,
    jobs: app.get<JobStore>(JOB_STORE),
    notifications: app.get<NotificationStore>(NOTIFICATION_STORE),
    url,
    close: async () => {
      await app.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** Deletes every key under `prefix` (Bull's included). */
export async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 2 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}

/** Polls `check` until it returns something other than undefined, null or false (generous limit: never a timing assertion). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false> | T | undefined | null | false, what: string, limitMs = 30_000): Promise<T> {
  const until = Date.now() + limitMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
