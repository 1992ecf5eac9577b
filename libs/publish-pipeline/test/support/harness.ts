/** The real parts the integration specs run against: the Notion and OpenAI emulators and a git server. */
import * as fs from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Client } from '@notionhq/client';
import { InMemoryRepositoryLock } from '@zmp-manual/git-publisher';
import type { RepositoryLock } from '@zmp-manual/git-publisher';
import { startGitServer } from '@zmp-manual/git-server';
import type { GitServer } from '@zmp-manual/git-server';
import { createOpenAIProvider, createPseudoProvider } from '@zmp-manual/mdx-translator';
import type { TranslationMemoryStore, TranslationProvider } from '@zmp-manual/mdx-translator';
import { buildDemoWorkspace, startNotionEmulator } from '@zmp-manual/notion-emulator';
import type { NotionEmulator } from '@zmp-manual/notion-emulator';
import { startOpenAIEmulator } from '@zmp-manual/openai-emulator';
import type { OpenAIEmulator } from '@zmp-manual/openai-emulator';
import * as git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import type { PipelineReporter, PipelineUpdate, RunPublishOptions } from '../../src';

export const GIT_TOKEN = 'ghp_pipelineSpec_7Kq2xW9vB4nM';
export const BRANCH = 'develop';
export const SOLUTION = 'zcp';
export const AUTHOR = { name: 'Pipeline Spec', email: 'pipeline-spec@example.invalid' };

const temps: string[] = [];

export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `publish-pipeline-${prefix}-`));
  temps.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** The git server and the OpenAI emulator for a whole spec file; a Notion emulator per test (its workspace gets edited). */
export interface Servers {
  git: GitServer;
  openai: OpenAIEmulator;
}

export function useServers(): () => Servers {
  let servers: Servers | undefined;
  beforeAll(async () => {
    servers = { git: await startGitServer({ tokens: [GIT_TOKEN] }), openai: await startOpenAIEmulator({ port: 0 }) };
  });
  afterAll(async () => {
    await Promise.all([servers?.git.stop(), servers?.openai.stop()]);
    await removeTempDirs();
  });
  return () => {
    if (servers === undefined) throw new Error('servers are not running yet');
    return servers;
  };
}

export interface Notion {
  emulator: NotionEmulator;
  client: Client;
}

/** The demo workspace on a fresh emulator, rate limit off, and a client with its own retries off. */
export async function startNotion(): Promise<Notion> {
  const emulator = await startNotionEmulator({ workspace: buildDemoWorkspace(), rateLimit: false });
  return { emulator, client: new Client({ auth: emulator.token, baseUrl: emulator.url, retry: false, logger: () => undefined }) };
}

/** Keeps every update, as the port received it. */
export class RecordingReporter implements PipelineReporter {
  readonly updates: PipelineUpdate[] = [];
  constructor(private readonly onUpdate?: (update: PipelineUpdate) => void | Promise<void>) {}
  async report(update: PipelineUpdate): Promise<void> {
    this.updates.push(structuredClone(update));
    await this.onUpdate?.(update);
  }
  get messages(): string[] {
    return this.updates.flatMap((update) => (update.message === undefined ? [] : [update.message]));
  }
  get text(): string {
    return JSON.stringify(this.updates);
  }
}

let repositories = 0;
/** A new remote with one commit on `develop`; resolves with its name. */
export async function newRemote(server: GitServer, prefix: string): Promise<string> {
  repositories += 1;
  const name = `team/${prefix}-${repositories}`;
  await server.createRepository(name, { branch: BRANCH, defaultBranch: BRANCH, files: { 'README.md': '# Manual site\n' } });
  return name;
}

export const pseudo = (): TranslationProvider => createPseudoProvider();
export const openaiProvider = (emulator: OpenAIEmulator, apiKey = emulator.apiKey): TranslationProvider =>
  createOpenAIProvider({ apiKey, baseURL: emulator.baseURL, maxRetries: 0 });

export interface PublishSetup {
  servers: Servers;
  notion: Notion;
  remote: string;
  dataDir: string;
  pageId?: string;
  isDirectory?: boolean;
  languages?: string[];
  provider?: TranslationProvider;
  memory?: TranslationMemoryStore;
  reporter?: PipelineReporter;
  signal?: AbortSignal;
  lock?: RepositoryLock;
  token?: string;
  artifact?: boolean;
}

/** `runPublish` options for the demo manual as solution `zcp`, published to `remote`. */
export function publishOptions(setup: PublishSetup): RunPublishOptions {
  const { servers, notion } = setup;
  const root = notion.emulator.workspace.rootPageId;
  return {
    request: {
      jobId: `job-${Math.random().toString(16).slice(2)}`,
      solution: SOLUTION,
      pageId: setup.pageId ?? root,
      isDirectory: setup.isDirectory ?? true,
      targetLanguages: setup.languages ?? ['ko'],
      initiatedBy: 'spec',
    },
    solution: { id: SOLUTION, rootPageId: root, repository: { url: servers.git.repoUrl(setup.remote), branch: BRANCH, auth: { token: setup.token ?? GIT_TOKEN } } },
    notion: notion.client,
    notionRateLimit: false,
    translation: { provider: setup.provider ?? pseudo(), memory: setup.memory },
    git: { author: AUTHOR, lock: setup.lock ?? new InMemoryRepositoryLock() },
    dataDir: setup.dataDir,
    reporter: setup.reporter ?? new RecordingReporter(),
    signal: setup.signal,
    artifact: setup.artifact,
  };
}

/** An independent clone of the remote branch (isomorphic-git over the git server). */
export async function cloneBack(server: GitServer, name: string): Promise<string> {
  const dir = await tempDir('clone');
  await git.clone({ fs, http, dir, url: server.repoUrl(name), ref: BRANCH, singleBranch: true, onAuth: () => ({ username: 'x-access-token', password: GIT_TOKEN }) });
  return dir;
}

/** Every file of a folder (not `.git`), POSIX paths, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .filter((path) => !path.startsWith('.git/'))
    .sort();
}

/** Path → content of every file of a folder (not `.git`). */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const path of await listFiles(dir)) files.set(path, await readFile(join(dir, path), 'latin1'));
  return files;
}

/** Paths whose content differs between two snapshots (added, changed or removed). */
export function differences(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((path) => before.get(path) !== after.get(path)).sort();
}

export const head = (server: GitServer, name: string): Promise<string | undefined> => server.resolveRef(name, BRANCH);

/** Someone else pushing to the remote branch: files written in an independent clone, committed and pushed. */
export async function pushFromElsewhere(server: GitServer, name: string, files: Record<string, string>): Promise<string> {
  const dir = await cloneBack(server, name);
  for (const [path, content] of Object.entries(files)) {
    await fs.promises.mkdir(join(dir, path, '..'), { recursive: true });
    await fs.promises.writeFile(join(dir, path), content);
    await git.add({ fs, dir, filepath: path });
  }
  const sha = await git.commit({ fs, dir, message: 'docs: an edit made elsewhere', author: { name: 'Someone Else', email: 'else@example.invalid' } });
  await git.push({ fs, http, dir, url: server.repoUrl(name), ref: BRANCH, onAuth: () => ({ username: 'x-access-token', password: GIT_TOKEN }) });
  return sha;
}
