import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import * as fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ClonedRemote {
  /** Files of the branch tip, sorted. */
  files: string[];
  /** Newest first. */
  commits: Array<{ sha: string; subject: string }>;
}

/** Clones `url` into a temp folder (token through `onAuth` only), reads what was pushed, removes the folder. */
export async function cloneRemote(url: string, branch: string, token: string): Promise<ClonedRemote> {
  const dir = await mkdtemp(join(tmpdir(), 'zmp-manual-demo-clone-'));
  try {
    await git.clone({ fs, http, dir, url, ref: branch, singleBranch: true, onAuth: () => ({ username: 'x-access-token', password: token }) });
    const files = (await git.listFiles({ fs, dir, ref: 'HEAD' })).sort();
    const log = await git.log({ fs, dir, ref: 'HEAD' });
    return { files, commits: log.map((entry) => ({ sha: entry.oid, subject: entry.commit.message.split('\n')[0] })) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
