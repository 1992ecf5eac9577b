/** Helpers of the integration specs: a real isomorphic-git client, raw HTTP requests and temp dirs. */
import * as fs from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as git from 'isomorphic-git';
import * as http from 'isomorphic-git/http/node';

export { git, http };

export const AUTHOR = {
  name: 'Test Author',
  email: 'author@example.invalid',
  timestamp: 1_700_000_000,
  timezoneOffset: 0,
};

/** Temp dirs made by `tempDir`, removed by `removeTempDirs` (call it in `afterAll`). */
const tempDirs: string[] = [];

export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `git-server-spec-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** `onAuth` answering with a token as the Basic password, the way GitHub-style hosts take it. */
export function tokenAuth(token: string): () => { username: string; password: string } {
  return () => ({ username: 'x-access-token', password: token });
}

/** A fresh local repository on `main`. */
export async function initRepo(prefix = 'local'): Promise<string> {
  const dir = await tempDir(prefix);
  await git.init({ fs, dir, defaultBranch: 'main' });
  return dir;
}

/** Writes `files` into the work tree, stages them and commits; resolves with the commit sha. */
export async function commitFiles(
  dir: string,
  files: Record<string, string | Uint8Array>,
  message = 'Add files',
  timestamp = AUTHOR.timestamp,
): Promise<string> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
    await git.add({ fs, dir, filepath: path });
  }
  return git.commit({ fs, dir, message, author: { ...AUTHOR, timestamp } });
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A GET with the path sent exactly as given: `fetch` and `new URL` would normalise `..` and `%2e%2e` away
 * before the server ever saw them.
 */
export function rawGet(port: number, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/** Every file of a work tree (outside `.git`), by `/`-separated path. */
export async function workTreeFiles(dir: string): Promise<Record<string, Buffer>> {
  const files: Record<string, Buffer> = {};
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await fs.promises.readdir(join(dir, relative), { withFileTypes: true })) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (path !== '.git') await walk(path);
      } else {
        files[path] = await readFile(join(dir, path));
      }
    }
  };
  await walk('');
  return files;
}

export type GitError = Error & { code?: string; data?: Record<string, unknown> };

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<GitError> {
  try {
    await promise;
  } catch (error) {
    return error as GitError;
  }
  throw new Error('expected the promise to reject');
}

/**
 * A `gitBinary` that runs the real git for everything but `http-backend`, which runs `backend` (a sh snippet;
 * `git http-backend` inside it is the real one). Lets a spec make the backend slow or stubborn.
 */
export async function wrappedGit(backend: string): Promise<string> {
  const dir = await tempDir('git-wrapper');
  const script = join(dir, 'git-wrapper.sh');
  const text = ['#!/bin/sh', 'if [ "$1" != http-backend ]; then exec git "$@"; fi', backend, ''].join('\n');
  await writeFile(script, text, { mode: 0o700 });
  return script;
}

/** Resolves once `path` exists (polls; the spec's own timeout bounds it). */
export async function fileAppears(path: string): Promise<void> {
  while (!fs.existsSync(path)) await new Promise((resolve) => setTimeout(resolve, 20));
}
