import { isTerminalJobState, JobStore, NotificationStore } from '@zmp-manual/job-events';
import type { JobRecord, Notification } from '@zmp-manual/job-events';
import type { Workspace } from '@zmp-manual/notion-emulator';
import { MAINTENANCE_QUEUE, PUBLISH_QUEUE, bullPrefix } from '@zmp-manual/queue-contract';
import Bull from 'bull';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from './api-client';
import { API_MAIN, AppProcess, WORKER_MAIN, waitUntilReady } from './app-process';
import { startEmulators } from './emulators';
import type { Emulators } from './emulators';
import { APP_ROOT, REDIS_URL, apiEnv, workerEnv } from './env';
import { freePort } from './ports';
import { deleteKeys } from './redis-inspect';
import { createRemote } from './remote';
import type { Remote } from './remote';
import { secretsIn } from './secrets';
import { tokenFor } from './users';
import type { MintOptions, UserName } from './users';
import { IDS, apiWorkspace } from './workspace';

const WORKER_READY = /health on http:\/\/0\.0\.0\.0:(\d+)\/health/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface WorldOptions {
  /** Short name, part of the Redis prefix and the remote's name. */
  name: string;
  workspace?: () => Workspace;
  /** Extra or replaced variables of the API process. */
  apiEnv?: Record<string, string>;
  /** Extra or replaced variables of the worker process. */
  workerEnv?: Record<string, string>;
}

/**
 * One e2e file's world, set up in `beforeAll` and torn down in `afterAll` (construct it inside a
 * `describe`): the emulators, a remote, the BUILT worker and API as child processes on Redis under a
 * prefix of their own, and the test's own view of that Redis (job-events stores, the Bull queues).
 */
export class ApiWorld {
  readonly keyPrefix: string;
  readonly redis = new Redis(REDIS_URL);
  emulators!: Emulators;
  remote!: Remote;
  api!: ApiClient;
  apiProcess!: AppProcess;
  worker!: AppProcess;
  port!: number;
  jobs!: JobStore;
  notifications!: NotificationStore;
  publishQueue!: Bull.Queue;
  maintenanceQueue!: Bull.Queue;
  private dataDir = '';

  constructor(private readonly options: WorldOptions) {
    this.keyPrefix = `test:api-e2e:${options.name}:${randomUUID().slice(0, 8)}:`;
    beforeAll(() => this.start(), 60_000);
    afterAll(() => this.stop(), 60_000);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** `http://127.0.0.1:<port>/api/manual/v1<path>` */
  url(path: string): string {
    return `${this.baseUrl}${APP_ROOT}${path}`;
  }

  token(user: UserName, options?: MintOptions): string {
    return tokenFor(this.emulators.oidc, user, options);
  }

  /** Polls the job record (from Redis, not through the API) until `accept` holds. */
  async waitForJob(jobId: string, accept: (record: JobRecord) => boolean, what: string, timeoutMs = 60_000): Promise<JobRecord> {
    const deadline = Date.now() + timeoutMs;
    let record: JobRecord | null = null;
    while (Date.now() < deadline) {
      record = await this.jobs.get(jobId);
      if (record && accept(record)) return record;
      if (record && isTerminalJobState(record.status) && !accept(record)) {
        throw new Error(`job ${jobId} ended ${record.status} while waiting for ${what}: ${JSON.stringify(record, null, 1)}`);
      }
      await sleep(25);
    }
    throw new Error(`job ${jobId}: no ${what} within ${timeoutMs} ms; last record: ${JSON.stringify(record)}\nworker:\n${this.worker.tail(20)}`);
  }

  waitForEnd(jobId: string, timeoutMs?: number): Promise<JobRecord> {
    return this.waitForJob(jobId, (record) => isTerminalJobState(record.status), 'terminal state', timeoutMs);
  }

  /** A user's notifications of one job once there are `count` (they follow the terminal record). */
  async notificationsOf(userId: string, jobId: string, count: number, timeoutMs = 20_000): Promise<Notification[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await this.notifications.list(userId, { jobId, includeRead: true });
      if (found.length >= count) return found;
      if (Date.now() > deadline) throw new Error(`job ${jobId}: ${found.length} of ${count} notifications to ${userId} within ${timeoutMs} ms`);
      await sleep(50);
    }
  }

  head(): Promise<string | undefined> {
    return this.emulators.git.resolveRef(this.remote.name, 'main');
  }

  /** The API's and the worker's output and every body the API answered: which secrets show up. */
  leakedSecrets(): { apiOutput: string[]; workerOutput: string[]; bodies: string[] } {
    return {
      apiOutput: secretsIn(this.apiProcess.output.join('\n')),
      workerOutput: secretsIn(this.worker.output.join('\n')),
      bodies: secretsIn(this.api.bodies.join('\n')),
    };
  }

  private async start(): Promise<void> {
    this.emulators = await startEmulators((this.options.workspace ?? apiWorkspace)());
    this.remote = await createRemote(this.emulators.git, `team/site-${this.options.name}`);
    this.jobs = new JobStore({ redis: this.redis, keyPrefix: this.keyPrefix });
    this.notifications = new NotificationStore({ redis: this.redis, keyPrefix: this.keyPrefix });
    this.publishQueue = new Bull(PUBLISH_QUEUE, REDIS_URL, { prefix: bullPrefix(this.keyPrefix) });
    this.maintenanceQueue = new Bull(MAINTENANCE_QUEUE, REDIS_URL, { prefix: bullPrefix(this.keyPrefix) });
    this.dataDir = mkdtempSync(join(tmpdir(), 'zmp-api-e2e-worker-'));
    const common = { keyPrefix: this.keyPrefix, emulators: this.emulators, rootPageId: IDS.root, repoUrl: this.remote.url };

    this.worker = new AppProcess('worker', WORKER_MAIN, workerEnv({ ...common, dataDir: this.dataDir, name: `worker-${this.options.name}` }, this.options.workerEnv));
    this.port = await freePort();
    this.apiProcess = new AppProcess('api', API_MAIN, apiEnv({ ...common, port: this.port }, this.options.apiEnv));
    this.api = new ApiClient(this.baseUrl);
    await Promise.all([this.worker.waitForLine(WORKER_READY, 30_000), waitUntilReady(this.apiProcess, `${this.baseUrl}/health/ready`, 30_000)]);
  }

  private async stop(): Promise<void> {
    await Promise.allSettled([this.apiProcess?.stop(), this.worker?.kill()]);
    await Promise.allSettled([this.publishQueue?.close(), this.maintenanceQueue?.close()]);
    await this.emulators?.stop();
    await deleteKeys(this.redis, this.keyPrefix);
    await this.redis.quit();
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}
