import type { GitLogEntry } from '@zmp-manual/git-server';
import type { Workspace } from '@zmp-manual/notion-emulator';
import { startEmulators } from './emulators';
import type { Emulators } from './emulators';
import { JobClient } from './job-client';
import { BRANCH, commitsSince, createRemote } from './remote';
import { killAll, startWorker } from './worker-process';
import type { WorkerProcess } from './worker-process';
import { newDataDir, removeDataDirs, workerEnv } from './worker-env';

export interface Remote {
  name: string;
  url: string;
  /** The remote's first commit (a README), before any publish. */
  initial: string;
}

/**
 * One e2e file's world: the emulators and a job client for the whole file; per test, a fresh remote and the
 * worker processes the test starts (killed after it). Call inside a `describe`.
 */
export class E2EContext {
  emulators!: Emulators;
  client!: JobClient;
  remote!: Remote;
  private readonly workers: WorkerProcess[] = [];
  private remotes = 0;

  constructor(private readonly options: { workspace: () => Workspace; rootPageId: string }) {
    beforeAll(async () => {
      this.emulators = await startEmulators(this.options.workspace());
      this.client = new JobClient();
    });
    beforeEach(async () => {
      this.remotes += 1;
      this.remote = await createRemote(this.emulators.git, `team/site-${this.remotes}`);
      this.emulators.openai.reset();
      this.emulators.notion.setFaults({});
      this.emulators.notion.setRateLimit(false);
    });
    afterEach(async () => {
      await killAll(this.workers.splice(0));
    });
    afterAll(async () => {
      await killAll(this.workers.splice(0));
      await this.client?.close();
      await this.emulators?.stop();
      removeDataDirs();
    });
  }

  /** A worker process on this test's remote; `extra` overrides any variable (`GITHUB_TOKEN`, `NOTION_RATE_LIMIT`, …). */
  async startWorker(name: string, extra: Record<string, string> = {}): Promise<WorkerProcess> {
    const env = workerEnv({ keyPrefix: this.client.keyPrefix, emulators: this.emulators, rootPageId: this.options.rootPageId, repoUrl: this.remote.url, extra });
    const worker = await startWorker(name, env);
    this.workers.push(worker);
    return worker;
  }

  /** A data folder for workers of this file to share (`WORKER_DATA_DIR`); removed after the file. */
  dataDir(): string {
    return newDataDir();
  }

  head(): Promise<string | undefined> {
    return this.emulators.git.resolveRef(this.remote.name, BRANCH);
  }

  /** Commits published on this test's remote, oldest first. */
  newCommits(): Promise<GitLogEntry[]> {
    return commitsSince(this.emulators.git, this.remote.name, this.remote.initial);
  }

  /** Accepted pushes to this test's remote so far. */
  pushes(): number {
    return this.emulators.git.stats().pushes.filter((push) => push.repository === this.remote.name).length;
  }
}
