import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import * as fs from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export interface CloneBranchOptions {
  /** The repository's URL (`server.repoUrl(name)` or `createRepository(...).url`). */
  url: string;
  branch: string;
  /** The password of the server's Basic auth (user `x-access-token`), if it needs one. */
  token?: string;
  /** Prefix of the temp folder the clone goes to. */
  prefix?: string;
}

export interface ClonedBranch {
  /** The working tree (yours to remove). */
  dir: string;
  head: string;
  /** Every file of the working tree, sorted, `/`-separated, `.git` left out. */
  files: string[];
  /** Newest first: full sha and the first line of the message. */
  log: Array<{ sha: string; message: string }>;
}

async function listFiles(dir: string, root = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === '.git') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path, root)));
    else out.push(relative(root, path).split('\\').join('/'));
  }
  return out.sort();
}

/**
 * Clones one branch over smart HTTP with isomorphic-git (as a site build would) into a new temp folder and lists
 * what it holds: how tests and the demo look at what was pushed.
 */
export async function cloneBranch(options: CloneBranchOptions): Promise<ClonedBranch> {
  const dir = await mkdtemp(join(tmpdir(), options.prefix ?? 'zmp-clone-'));
  const onAuth = options.token === undefined ? undefined : () => ({ username: 'x-access-token', password: options.token });
  await git.clone({ fs, http, dir, url: options.url, ref: options.branch, singleBranch: true, onAuth });
  const head = await git.resolveRef({ fs, dir, ref: 'HEAD' });
  const log = (await git.log({ fs, dir, ref: 'HEAD' })).map((entry) => ({ sha: entry.oid, message: entry.commit.message.split('\n')[0] }));
  return { dir, head, files: await listFiles(dir), log };
}
