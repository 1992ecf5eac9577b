import { startGitServer } from '@zmp-manual/git-server';
import type { GitServer } from '@zmp-manual/git-server';
import { loadWorkspace, startNotionEmulator } from '@zmp-manual/notion-emulator';
import type { NotionEmulator } from '@zmp-manual/notion-emulator';
import { startOpenAIEmulator } from '@zmp-manual/openai-emulator';
import type { OpenAIEmulator } from '@zmp-manual/openai-emulator';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DemoChild } from './child-process';
import { onPortOrAny, portOrAny } from './ports';
import { deleteKeys, ensureRedis } from './redis';
import type { DemoRedis } from './redis';

export const WORKSPACE_ROOT = resolve(__dirname, '../../..');
export const API_MAIN = join(WORKSPACE_ROOT, 'apps/api/dist/main.js');
export const WORKER_MAIN = join(WORKSPACE_ROOT, 'apps/worker/dist/main.js');
const DEMO_WORKSPACE = join(WORKSPACE_ROOT, 'tools/notion-emulator/fixtures/demo');

export const DEFAULT_PORTS = { notion: 4030, openai: 4010, git: 4020, api: 8000 } as const;
export type DemoPorts = { [K in keyof typeof DEFAULT_PORTS]: number };
export const APP_ROOT = '/api/manual/v1';
export const BRANCH = 'main';
export const REPO = 'zcp-docs';
/** Fixed demo credentials of the emulators (not secrets: they only open the local emulators). */
export const NOTION_TOKEN = 'secret_emulator';
export const GIT_TOKEN = 'ghp_demo_token';
export const LANGUAGES = ['ko', 'ja'];

const WORKER_READY = /health on http:\/\/[^:]+:(\d+)\/health/;

export interface ServiceOptions {
  ports: DemoPorts;
  redisUrl: string;
  /** `PATH` for the child processes and for finding `redis-server`. */
  path: string;
  home: string;
  /** `openai`: the OpenAI emulator; `pseudo`: the pipeline's offline pseudo-localisation. */
  translator: 'openai' | 'pseudo';
  /** Echo every line the API, the worker and redis-server write. */
  echo?: (line: string) => void;
  /** Called as each part comes up (for the "starting…" lines). */
  onStep?: (what: string) => void;
}

export interface DemoServices {
  redis: DemoRedis;
  keyPrefix: string;
  notion: NotionEmulator;
  rootPageId: string;
  openai: OpenAIEmulator | null;
  git: GitServer;
  repoUrl: string;
  api: DemoChild;
  apiUrl: string;
  worker: DemoChild;
  workerHealthUrl: string;
  /** `AUTH_DEV_SECRET` of this run (random). */
  devSecret: string;
  dataDir: string;
  /** Stops everything in reverse order and deletes the run's Redis keys; idempotent. */
  stop(): Promise<void>;
}

/** Env both apps read: the pipeline's settings, pointed at the emulators (one `.env`, as deployed). */
function sharedEnv(o: { options: ServiceOptions; redisUrl: string; keyPrefix: string; notion: NotionEmulator; rootPageId: string; openai: OpenAIEmulator | null; repoUrl: string }): Record<string, string> {
  const translation: Record<string, string> = o.openai
    ? { TRANSLATION_PROVIDER: 'openai', OPENAI_API_KEY: o.openai.apiKey, OPENAI_BASE_URL: o.openai.baseURL, OPENAI_MODEL: 'gpt-4o-mini' }
    : { TRANSLATION_PROVIDER: 'pseudo' };
  return {
    PATH: o.options.path,
    HOME: o.options.home,
    NO_COLOR: '1',
    REDIS_URL: o.redisUrl,
    REDIS_KEY_PREFIX: o.keyPrefix,
    SOLUTIONS: 'zcp',
    ZCP_ROOT_PAGE_ID: o.rootPageId,
    NOTION_TOKEN,
    NOTION_BASE_URL: o.notion.url,
    NOTION_RATE_LIMIT: '0',
    TARGET_LANGUAGES: LANGUAGES.join(','),
    GITHUB_REPO_URL: o.repoUrl,
    GITHUB_BRANCH: BRANCH,
    GITHUB_TOKEN: GIT_TOKEN,
    ...translation,
  };
}

/** Runs `steps` in order; when one fails, undoes the ones done (newest first) and rethrows. */
class Teardown {
  private readonly undo: Array<() => Promise<unknown>> = [];
  private stopped: Promise<void> | null = null;

  push(step: () => Promise<unknown>): void {
    this.undo.push(step);
  }

  run(): Promise<void> {
    this.stopped ??= (async () => {
      for (const step of this.undo.reverse()) await step().catch(() => undefined);
    })();
    return this.stopped;
  }
}

export function missingBuilds(): string[] {
  return [API_MAIN, WORKER_MAIN].filter((main) => !existsSync(main));
}

/**
 * Everything the demo runs: Redis (found or throwaway), the Notion emulator with the demo workspace, the OpenAI
 * emulator (unless pseudo), the git server with the site repository, and the BUILT API and worker as child
 * processes on a Redis key prefix of their own.
 */
export async function startServices(options: ServiceOptions): Promise<DemoServices> {
  const missing = missingBuilds();
  if (missing.length > 0) throw new Error(`Not built: ${missing.join(', ')}. Run \`npx nx run-many -t build -p api worker\` first.`);
  const step = options.onStep ?? (() => undefined);
  const teardown = new Teardown();
  try {
    const redis = await ensureRedis(options.redisUrl, options.path);
    teardown.push(() => redis.stop());
    step(redis.server ? `Redis: nothing answered at ${options.redisUrl}, started a throwaway redis-server at ${redis.url}` : `Redis: ${redis.url}`);
    const keyPrefix = `demo:${randomBytes(4).toString('hex')}:`;
    teardown.push(() => deleteKeys(redis.url, keyPrefix));

    const workspace = await loadWorkspace(DEMO_WORKSPACE);
    const notion = await onPortOrAny(options.ports.notion, (port) => startNotionEmulator({ workspace, port, tokens: [NOTION_TOKEN], rateLimit: false }));
    teardown.push(() => notion.stop());
    const openai = options.translator === 'openai' ? await onPortOrAny(options.ports.openai, (port) => startOpenAIEmulator({ port })) : null;
    if (openai) teardown.push(() => openai.stop());
    const git = await onPortOrAny(options.ports.git, (port) => startGitServer({ port, tokens: [GIT_TOKEN] }));
    teardown.push(() => git.stop());
    const repo = await git.createRepository(REPO, { files: { 'README.md': '# ZCP manual site\n\nPublished by zmp-manual.\n' }, branch: BRANCH, message: 'Initial commit' });
    step(`Emulators: Notion ${notion.url}, ${openai ? `OpenAI ${openai.baseURL}` : 'pseudo translation (no OpenAI)'}, git ${git.url}`);

    const dataDir = mkdtempSync(join(tmpdir(), 'zmp-demo-worker-'));
    teardown.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const env = sharedEnv({ options, redisUrl: redis.url, keyPrefix, notion, rootPageId: workspace.rootPageId, openai, repoUrl: repo.url });
    const devSecret = randomBytes(32).toString('hex');

    const worker = new DemoChild('worker', process.execPath, [WORKER_MAIN], {
      ...env,
      WORKER_NAME: 'demo-worker',
      WORKER_HEALTH_PORT: '0',
      WORKER_DATA_DIR: dataDir,
      CANCEL_POLL_MS: '250',
      SHUTDOWN_GRACE_MS: '3000',
      GIT_AUTHOR_NAME: 'zmp-manual demo',
      GIT_AUTHOR_EMAIL: 'demo@zmp-manual.local',
    }, options.echo);
    teardown.push(() => worker.stop(5_000));
    const apiPort = await portOrAny(options.ports.api);
    const api = new DemoChild('api', process.execPath, [API_MAIN], {
      ...env,
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      API_NAME: 'demo-api',
      AUTH_MODE: 'dev',
      AUTH_DEV_SECRET: devSecret,
      DOWNLOAD_SIGNING_SECRET: randomBytes(32).toString('hex'),
      SSE_CLOSE_DELAY_MS: '1000',
    }, options.echo);
    teardown.push(() => api.stop(5_000));
    const apiBase = `http://127.0.0.1:${apiPort}`;
    const [workerReady] = await Promise.all([worker.waitForLine(WORKER_READY, 60_000), api.waitForLine(/listening on http:/, 60_000)]);
    await waitUntilReady(api, `${apiBase}/health/ready`, 30_000);
    step(`API ${apiBase}${APP_ROOT} (pid ${api.pid}) and worker (pid ${worker.pid}) are up`);

    return {
      redis,
      keyPrefix,
      notion,
      rootPageId: workspace.rootPageId,
      openai,
      git,
      repoUrl: repo.url,
      api,
      apiUrl: `${apiBase}${APP_ROOT}`,
      worker,
      workerHealthUrl: `http://127.0.0.1:${workerReady[1]}/health`,
      devSecret,
      dataDir,
      stop: () => teardown.run(),
    };
  } catch (error) {
    await teardown.run();
    throw error;
  }
}

async function waitUntilReady(app: DemoChild, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (!app.running) throw new Error(`${app.name} exited before ${url} answered; its last lines:\n${app.tail()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${app.name}: ${url} not ready within ${timeoutMs / 1000} s (last: ${last}); its last lines:\n${app.tail()}`);
}
