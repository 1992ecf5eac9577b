import * as git from 'isomorphic-git';
import type { GitContext } from './git-context';
import type { FileChange } from './repository.types';
import { removeFiles } from './working-copy-fs';

/** One row of isomorphic-git's status matrix: `[path, head, workdir, stage]`. */
type Row = [string, 0 | 1, 0 | 1 | 2, 0 | 1 | 2 | 3];

const isUnmodified = ([, head, workdir, stage]: Row): boolean => head === 1 && workdir === 1 && stage === 1;
const isUntracked = ([, head, workdir, stage]: Row): boolean => head === 0 && workdir !== 0 && stage === 0;

/** The files (not ignored) whose HEAD, index or working-tree versions differ, under `paths` when given. */
export async function changedRows(context: GitContext, paths?: readonly string[]): Promise<Row[]> {
  const rows = (await git.statusMatrix({
    fs: context.fs,
    dir: context.dir,
    cache: context.cache,
    ...(paths === undefined ? {} : { filepaths: [...paths] }),
  })) as Row[];
  return rows.filter((row) => !isUnmodified(row));
}

/** How each changed file differs from HEAD in the working tree. */
export function describeChanges(rows: readonly Row[]): { path: string; change: FileChange }[] {
  return rows
    .filter(([, head, workdir]) => !(head === 0 && workdir === 0))
    .map(([path, head, workdir]) => ({
      path,
      change: head === 0 ? 'added' : workdir === 0 ? 'deleted' : 'modified',
    }));
}

/** Deletes the untracked files (and the folders they leave empty): leftovers of an earlier job. */
export async function removeUntracked(context: GitContext): Promise<string[]> {
  const untracked = (await changedRows(context)).filter(isUntracked).map(([path]) => path);
  await removeFiles(context.fs, context.dir, untracked);
  return untracked;
}

/** Stages every change under `paths` (all when undefined): new and modified files, and removals. */
export async function stageChanges(context: GitContext, paths?: readonly string[]): Promise<void> {
  const rows = await changedRows(context, paths);
  const removed = rows.filter(([, head, workdir, stage]) => workdir === 0 && (head === 1 || stage !== 0));
  const written = rows.filter(([, , workdir]) => workdir !== 0).map(([path]) => path);
  const common = { fs: context.fs, dir: context.dir, cache: context.cache };
  for (const [filepath] of removed) await git.remove({ ...common, filepath });
  if (written.length > 0) await git.add({ ...common, filepath: written });
}
