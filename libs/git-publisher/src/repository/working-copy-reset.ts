import * as git from 'isomorphic-git';
import type { GitContext } from './git-context';
import type { SyncAction } from './repository.types';
import { changedRows, removeUntracked } from './working-tree';

/** The sha HEAD points to, or `null` on an unborn branch. */
export async function headOf(context: GitContext): Promise<string | null> {
  try {
    return await git.resolveRef({ fs: context.fs, dir: context.dir, ref: 'HEAD' });
  } catch {
    return null;
  }
}

async function isAncestor(context: GitContext, ancestor: string, oid: string): Promise<boolean> {
  try {
    const common = { fs: context.fs, dir: context.dir, cache: context.cache };
    return await git.isDescendent({ ...common, oid, ancestor, depth: -1 });
  } catch {
    // A shallow history may not reach far enough to tell: call it a reset.
    return false;
  }
}

/**
 * Puts our branch, HEAD, the index and the working tree on `oid`, discarding local commits, changes and
 * untracked files (ignored ones stay): the working copy is a cache of the remote. Says what that took.
 */
export async function resetWorkingCopy(context: GitContext, oid: string): Promise<SyncAction> {
  const before = await headOf(context);
  const dirty = before !== null && (await changedRows(context)).length > 0;
  const onBranch = (await git.currentBranch({ fs: context.fs, dir: context.dir, fullname: true })) === context.branchRef;
  if (before === oid && !dirty && onBranch) return 'up_to_date';

  const common = { fs: context.fs, dir: context.dir };
  await git.writeRef({ ...common, ref: context.branchRef, value: oid, force: true });
  await git.checkout({ ...common, cache: context.cache, ref: context.branch, force: true });
  const removed = await removeUntracked(context);
  if (dirty || removed.length > 0) {
    context.log('info', 'discarded local changes in the working copy', { removedFiles: removed.length });
  }
  if (!dirty && before !== null && (before === oid || (await isAncestor(context, before, oid)))) return 'fast_forwarded';
  return 'reset';
}
