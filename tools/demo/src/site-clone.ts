import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import * as fs from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export interface SiteClone {
  dir: string;
  head: string;
  /** Every file of the working tree, sorted, `/`-separated, `.git` left out. */
  files: string[];
  /** Newest first: short sha and the first line of the message. */
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

/** Clones `branch` of the site repository into a new temp folder (as a site build would) and lists what it holds. */
export async function cloneSite(url: string, branch: string, token: string): Promise<SiteClone> {
  const dir = await mkdtemp(join(tmpdir(), 'zmp-demo-site-'));
  await git.clone({ fs, http, dir, url, ref: branch, singleBranch: true, onAuth: () => ({ username: 'x-access-token', password: token }) });
  const head = await git.resolveRef({ fs, dir, ref: 'HEAD' });
  const log = (await git.log({ fs, dir, ref: 'HEAD' })).map((entry) => ({ sha: entry.oid, message: entry.commit.message.split('\n')[0] }));
  return { dir, head, files: await listFiles(dir), log };
}
