import type { GitServer } from '@zmp-manual/git-server';
import { cloneBranch } from '@zmp-manual/git-server';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
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

export interface ClonedTree {
  head: string;
  files: string[];
  read(path: string): string;
}

/** Clones the remote's branch back over smart HTTP (as a site build would) and reads its files. */
export async function cloneBack(server: GitServer, repo: string): Promise<ClonedTree> {
  const { dir, head, files } = await cloneBranch({ url: server.repoUrl(repo), branch: BRANCH, token: SECRETS.gitToken, prefix: 'zmp-api-e2e-clone-' });
  try {
    const contents = new Map(files.map((file) => [file, readFileSync(join(dir, file), 'utf8')]));
    return { head, files, read: (path) => contents.get(path) ?? '' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
