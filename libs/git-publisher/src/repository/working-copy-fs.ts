import type { PromiseFsClient } from 'isomorphic-git';

/**
 * A file system with the promise API of `node:fs` (what isomorphic-git needs, plus the few calls this library
 * makes itself to clean a working copy). `node:fs` is one; so are memfs and @isomorphic-git/lightning-fs.
 */
export type WorkingCopyFs = PromiseFsClient & {
  promises: {
    readdir(path: string): Promise<string[]>;
    lstat(path: string): Promise<{ isDirectory(): boolean }>;
    unlink(path: string): Promise<void>;
    rmdir(path: string): Promise<void>;
  };
};

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}

/** Entries of `dir`, or `undefined` when it does not exist. */
export async function listDir(fs: WorkingCopyFs, dir: string): Promise<string[] | undefined> {
  try {
    return await fs.promises.readdir(dir);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** Removes `path` and everything under it; nothing when it does not exist. */
export async function removeTree(fs: WorkingCopyFs, path: string): Promise<void> {
  let directory: boolean;
  try {
    directory = (await fs.promises.lstat(path)).isDirectory();
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  if (!directory) return fs.promises.unlink(path);
  for (const entry of (await listDir(fs, path)) ?? []) await removeTree(fs, `${path}/${entry}`);
  await fs.promises.rmdir(path);
}

/** Removes the files, then the folders they leave empty up to (not including) `root`. */
export async function removeFiles(fs: WorkingCopyFs, root: string, paths: readonly string[]): Promise<void> {
  const parents = new Set<string>();
  for (const path of paths) {
    await removeTree(fs, `${root}/${path}`);
    for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
      parents.add(path.slice(0, slash));
    }
  }
  // Deepest first, so a parent is tried after its children.
  for (const parent of [...parents].sort((a, b) => b.length - a.length)) {
    const entries = await listDir(fs, `${root}/${parent}`);
    if (entries !== undefined && entries.length === 0) await fs.promises.rmdir(`${root}/${parent}`);
  }
}
