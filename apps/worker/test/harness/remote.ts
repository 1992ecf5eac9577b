import type { GitLogEntry, GitServer } from '@zmp-manual/git-server';
import { cloneBranch } from '@zmp-manual/git-server';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

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

/** Clones the remote branch back with isomorphic-git and lists its files (the clone is removed afterwards). */
export async function cloneFiles(server: GitServer, repo: string, token: string): Promise<{ files: string[]; read(path: string): string }> {
  const { dir, files } = await cloneBranch({ url: server.repoUrl(repo), branch: BRANCH, token, prefix: 'zmp-e2e-clone-' });
  try {
    const contents = new Map(files.map((file) => [file, readFileSync(join(dir, file), 'utf8')]));
    return { files, read: (path) => contents.get(path) ?? '' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
