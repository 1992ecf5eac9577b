import * as git from 'isomorphic-git';
import type { GitContext } from './git-context';

/** What the remote holds, read from one ref advertisement. */
export interface RemoteBranches {
  /** Tip of our branch, when the remote has it. */
  tip?: string;
  /** The branch a missing one is created from: the remote's HEAD, else `main`, `master` or the first one. */
  base?: { branch: string; tip: string };
}

const HEADS = 'refs/heads/';

/** Lists the remote's branches (this is also where wrong credentials or a wrong URL first show up). */
export async function readRemoteBranches(context: GitContext): Promise<RemoteBranches> {
  const refs = await git.listServerRefs({
    http: context.http,
    url: context.url,
    onAuth: context.auth.onAuth,
    onAuthFailure: context.auth.onAuthFailure,
    protocolVersion: 1,
    symrefs: true,
  });
  const heads = new Map<string, string>();
  for (const { ref, oid } of refs) if (ref.startsWith(HEADS)) heads.set(ref.slice(HEADS.length), oid);
  const tip = heads.get(context.branch);
  if (tip !== undefined) return { tip };
  const head = refs.find((ref) => ref.ref === 'HEAD')?.target;
  const candidates = [head?.startsWith(HEADS) ? head.slice(HEADS.length) : undefined, 'main', 'master', ...heads.keys()];
  for (const branch of candidates) {
    const oid = branch === undefined ? undefined : heads.get(branch);
    if (branch !== undefined && oid !== undefined) return { base: { branch, tip: oid } };
  }
  return {};
}
