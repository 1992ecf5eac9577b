/** Helpers of the integration specs: a real git server, temp dirs, a capturing logger and clone-backs. */
import * as fs from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { startGitServer } from '@zmp-manual/git-server';
import type { GitServer } from '@zmp-manual/git-server';
import { openRepository } from '../src/index';
import type { GitPublisherLogger, Repository, RepositoryOptions } from '../src/index';

export { git, http, startGitServer };
export type { GitServer };

export const TOKEN = 'ghs_spec_9d3f27a1c6b04e58';
export const AUTHOR = { name: 'Publisher Bot', email: 'bot@example.invalid' };

const tempDirs: string[] = [];

export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `git-publisher-spec-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export function startServer(): Promise<GitServer> {
  return startGitServer({ tokens: [TOKEN] });
}

/** A logger that keeps every line (message and fields) as JSON. */
/**
 * A real git server for the enclosing `describe` block: started before its tests, stopped after them (with
 * the temp dirs removed). Call the returned function inside a test to get it.
 */
export function useGitServer(): () => GitServer {
  let server: GitServer | undefined;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
    await removeTempDirs();
  });
  return () => {
    if (!server) throw new Error('The git server is not running: call server() inside a test, not at collection time.');
    return server;
  };
}

export function captureLogger(): { logger: GitPublisherLogger; lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    lines.push(JSON.stringify({ level, message, ...fields }));
  return { lines, logger: { debug: keep('debug'), info: keep('info'), warn: keep('warn') } };
}

let names = 0;
/** A repository name no other spec uses. */
export function uniqueName(prefix: string): string {
  names += 1;
  return `team/${prefix}-${names}`;
}

/** Opens a working copy in a fresh temp dir (or `dir`) with the right token. */
export async function open(
  server: GitServer,
  name: string,
  overrides: Partial<RepositoryOptions> = {},
): Promise<Repository> {
  return openRepository({
    dir: overrides.dir ?? join(await tempDir('work'), 'copy'),
    url: server.repoUrl(name),
    branch: 'main',
    auth: { token: TOKEN },
    author: AUTHOR,
    ...overrides,
  });
}

export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}

export async function removeFile(dir: string, path: string): Promise<void> {
  await unlink(join(dir, path));
}

/** A plain isomorphic-git clone of `branch`, made independently of the library. */
export async function cloneBack(server: GitServer, name: string, branch = 'main'): Promise<string> {
  const dir = await tempDir('clone-back');
  await git.clone({
    fs,
    http,
    dir,
    url: server.repoUrl(name),
    ref: branch,
    singleBranch: true,
    onAuth: () => ({ username: 'x-access-token', password: TOKEN }),
  });
  return dir;
}

/** Commits `files` from an independent clone and pushes them: "someone else" moving the branch. */
export async function pushFromElsewhere(
  server: GitServer,
  name: string,
  files: Record<string, string>,
  message: string,
): Promise<string> {
  const dir = await cloneBack(server, name);
  await writeFiles(dir, files);
  for (const path of Object.keys(files)) await git.add({ fs, dir, filepath: path });
  const sha = await git.commit({ fs, dir, message, author: { name: 'Someone Else', email: 'else@example.invalid' } });
  await git.push({ fs, http, dir, ref: 'main', onAuth: () => ({ username: 'x-access-token', password: TOKEN }) });
  return sha;
}

export async function readText(dir: string, path: string): Promise<string | undefined> {
  try {
    return await readFile(join(dir, path), 'utf8');
  } catch {
    return undefined;
  }
}
