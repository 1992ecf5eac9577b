import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { errorCode } from './writer-fs';
import type { WriterFs } from './writer-fs';
import { WriterError } from './writer-error';

export type SyncOutcome = 'created' | 'changed' | 'unchanged';

/** The temporary files of `writeAtomically`: `.<name>.zmp-writer-<12 hex>.tmp`, next to their target. */
export const TEMPORARY_FILE = /^\..+\.zmp-writer-[0-9a-f]{12}\.tmp$/;

/** The bytes at `path`, or undefined when no regular file is there (a symlink counts as no file). */
export async function readRegularFile(fs: WriterFs, path: string, shown: string): Promise<Uint8Array | undefined> {
  try {
    const stats = await fs.lstat(path);
    if (!stats.isFile()) return undefined;
    return await fs.readFile(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw new WriterError('io_failed', `Cannot read ${shown}.`, { path: shown, cause: error });
  }
}

export async function pathExists(fs: WriterFs, path: string, shown: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw new WriterError('io_failed', `Cannot inspect ${shown}.`, { path: shown, cause: error });
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

/**
 * Makes `path` hold exactly `content`. Nothing is written when it already does (not even the mtime
 * changes); otherwise the bytes go to a temporary file in the same folder that is then renamed over the
 * target, so a reader never sees a half-written file.
 */
export async function syncFile(fs: WriterFs, path: string, content: Uint8Array, shown: string): Promise<SyncOutcome> {
  const existing = await readRegularFile(fs, path, shown);
  if (existing && sameBytes(existing, content)) return 'unchanged';
  const replacing = existing !== undefined || (await pathExists(fs, path, shown));
  await writeAtomically(fs, path, content, shown);
  return replacing ? 'changed' : 'created';
}

export async function writeAtomically(fs: WriterFs, path: string, content: Uint8Array, shown: string): Promise<void> {
  const folder = dirname(path);
  const temporary = join(folder, `.${basename(path)}.zmp-writer-${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(temporary, content, { flag: 'wx' });
    await fs.rename(temporary, path);
  } catch (error) {
    await fs.unlink(temporary).catch(() => undefined);
    throw new WriterError('io_failed', `Cannot write ${shown}.`, { path: shown, cause: error });
  }
}

/** Removes the file; false when it was already gone. */
export async function removeFile(fs: WriterFs, path: string, shown: string): Promise<boolean> {
  try {
    await fs.unlink(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw new WriterError('io_failed', `Cannot remove ${shown}.`, { path: shown, cause: error });
  }
}

/**
 * Removes `folder` and then its parents while they are empty, stopping at the first non-empty one and
 * never removing `stopAt` or anything above it.
 */
export async function pruneEmptyFolders(fs: WriterFs, folder: string, stopAt: string): Promise<void> {
  let current = folder;
  while (current !== stopAt && current.startsWith(stopAt) && current.length > stopAt.length) {
    let entries: string[];
    try {
      entries = await fs.readdir(current);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') {
        current = dirname(current);
        continue;
      }
      throw new WriterError('io_failed', `Cannot list ${current}.`, { path: current, cause: error });
    }
    if (entries.length > 0) return;
    try {
      await fs.rmdir(current);
    } catch (error) {
      const code = errorCode(error);
      // ENOTEMPTY/EEXIST: something appeared; ENOTDIR: a symlink to a folder, which stays.
      if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR') return;
      if (code !== 'ENOENT') throw new WriterError('io_failed', `Cannot remove the empty folder ${current}.`, { path: current, cause: error });
    }
    current = dirname(current);
  }
}
