import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GIT_TOKEN, NOTION_TOKEN, OPENAI_KEY } from './emulators';
import type { Emulators } from './emulators';
import { BRANCH } from './remote';
import { REDIS_URL } from './job-client';

export interface WorkerEnvOptions {
  keyPrefix: string;
  emulators: Emulators;
  /** Root page of solution `zcp` in the emulator's workspace. */
  rootPageId: string;
  /** The remote's `repoUrl`. */
  repoUrl: string;
  /** Anything else (or a replacement): `GITHUB_TOKEN`, `SHUTDOWN_GRACE_MS`, … */
  extra?: Record<string, string>;
}

const dataDirs: string[] = [];

/** A new data folder (removed with the others by `removeDataDirs`): give it to workers as `WORKER_DATA_DIR` to share one. */
export function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zmp-e2e-worker-'));
  dataDirs.push(dir);
  return dir;
}

/** Removes the data folders of the workers started so far. */
export function removeDataDirs(): void {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * The environment of one worker process: Redis under the test's prefix, a data folder of its own, short Bull
 * locks (so a killed worker's job is re-queued within seconds), and the pipeline pointed at the emulators.
 */
export function workerEnv(options: WorkerEnvOptions): Record<string, string> {
  const { emulators } = options;
  const dataDir = newDataDir();
  return {
    REDIS_URL,
    REDIS_KEY_PREFIX: options.keyPrefix,
    WORKER_DATA_DIR: dataDir,
    BULL_LOCK_DURATION_MS: '15000',
    BULL_LOCK_RENEW_MS: '2000',
    BULL_STALLED_INTERVAL_MS: '1000',
    BULL_MAX_STALLED_COUNT: '2',
    REPO_LOCK_TTL_MS: '20000',
    REPO_LOCK_WAIT_MS: '120000',
    CANCEL_POLL_MS: '100',
    SHUTDOWN_GRACE_MS: '60000',
    NOTION_TOKEN,
    NOTION_BASE_URL: emulators.notion.url,
    NOTION_RATE_LIMIT: '0',
    SOLUTIONS: 'zcp',
    ZCP_ROOT_PAGE_ID: options.rootPageId,
    GITHUB_REPO_URL: options.repoUrl,
    GITHUB_BRANCH: BRANCH,
    GITHUB_TOKEN: GIT_TOKEN,
    TRANSLATION_PROVIDER: 'openai',
    OPENAI_API_KEY: OPENAI_KEY,
    OPENAI_BASE_URL: emulators.openai.baseURL,
    OPENAI_MODEL: 'gpt-4o-mini',
    TARGET_LANGUAGES: 'ko,ja',
    GIT_AUTHOR_NAME: 'zmp-manual e2e',
    GIT_AUTHOR_EMAIL: 'e2e@example.com',
    ...options.extra,
  };
}
