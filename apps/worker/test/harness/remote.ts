import type { GitLogEntry, GitServer } from '@zmp-manual/git-server';
import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import * as fs from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export const BRANCH = 'main';

/** A remote for one test: a bare repository on the git server with one initial commit on `main`. */
export async function createRemote(server: GitServer, name: string): Promise<{ name: string; url: string; initial: string }> {
  const created = await server.createRepository(name, { files: { 'README.md': '# Manual site\n' }, branch: BRANCH });
  return { name, url: created.url, initial: created.commit! };
}

/** Commits on `main` after `base`, oldest first. */
export async function commitsSince(server: GitServer, repo: string, base: string): Promise<GitLogEntry[]> {
  const log = await server.log(repo, BRANCH);
  const index = log.findIndex((entry) => entry.sha === base);
  if (index < 0) throw new Error(`${base} is not on ${repo}#${BRANCH}`);
  return log.slice(0, index).reverse();
}

async function listFiles(dir: string, root = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === '.git') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path, root)));
    else out.push(relative(root, path));
  }
  return out.sort();
}

/** Clones the remote branch back with isomorphic-git and lists its files (the clone is removed afterwards). */
export async function cloneFiles(server: GitServer, repo: string, token: string): Promise<{ files: string[]; read(path: string): string }> {
  const dir = await mkdtemp(join(tmpdir(), 'zmp-e2e-clone-'));
  try {
    await git.clone({ fs, http, dir, url: server.repoUrl(repo), ref: BRANCH, singleBranch: true, onAuth: () => ({ username: 'x-access-token', password: token }) });
    const files = await listFiles(dir);
    const contents = new Map(files.map((file) => [file, fs.readFileSync(join(dir, file), 'utf8')]));
    return { files, read: (path) => contents.get(path) ?? '' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
