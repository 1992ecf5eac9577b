import type { GitServer } from '@zmp-manual/git-server';
import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import * as fs from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { BRANCH } from './env';
import { SECRETS } from './secrets';

export interface Remote {
  name: string;
  url: string;
  /** The remote's first commit (a README), before any publish. */
  initial: string;
}

/** The Docusaurus site's repository: a bare repository on the git server with one commit on `main`. */
export async function createRemote(server: GitServer, name: string): Promise<Remote> {
  const created = await server.createRepository(name, { files: { 'README.md': '# Manual site\n' }, branch: BRANCH });
  return { name, url: created.url, initial: created.commit! };
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

export interface ClonedTree {
  head: string;
  files: string[];
  read(path: string): string;
}

/** Clones the remote's branch back over smart HTTP (as a site build would) and reads its files. */
export async function cloneBack(server: GitServer, repo: string): Promise<ClonedTree> {
  const dir = await mkdtemp(join(tmpdir(), 'zmp-api-e2e-clone-'));
  try {
    await git.clone({ fs, http, dir, url: server.repoUrl(repo), ref: BRANCH, singleBranch: true, onAuth: () => ({ username: 'x-access-token', password: SECRETS.gitToken }) });
    const head = await git.resolveRef({ fs, dir, ref: 'HEAD' });
    const files = await listFiles(dir);
    const contents = new Map(files.map((file) => [file, fs.readFileSync(join(dir, file), 'utf8')]));
    return { head, files, read: (path) => contents.get(path) ?? '' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
