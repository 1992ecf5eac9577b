import { dirname, join, resolve } from 'node:path';
import { isStrictlyInside, safeSegments } from './safe-path';
import { errorCode } from './writer-fs';
import type { WriterFs } from './writer-fs';
import { WriterError } from './writer-error';

/** PATH_MAX on macOS is 1024 bytes with the final NUL; Linux allows 4095. The stricter one keeps a run portable. */
const MAX_PATH_BYTES = 1023;

/**
 * Checks paths against the file system as it is now, before anything is written: every segment is safe,
 * the real path of the nearest existing ancestor (symlinks resolved) is a directory inside the real root,
 * and nothing but a file (or nothing at all) stands at the target. Writes and removals only use paths this
 * guard has accepted.
 */
export class PathGuard {
  private readonly ancestors = new Map<string, Promise<void>>();

  private constructor(
    private readonly fs: WriterFs,
    readonly root: string,
    private readonly realRoot: string,
  ) {}

  static async open(fs: WriterFs, root: string): Promise<PathGuard> {
    const absolute = resolve(root);
    let real: string;
    try {
      real = await fs.realpath(absolute);
      if (!(await fs.lstat(real)).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    } catch (error) {
      throw new WriterError('invalid_option', `The site root ${absolute} is not an existing directory.`, { path: absolute, cause: error });
    }
    return new PathGuard(fs, absolute, real);
  }

  /** The absolute path of a checked POSIX path relative to the root. */
  absolute(relativePath: string): string {
    return join(this.root, ...relativePath.split('/'));
  }

  /** Throws a `WriterError` unless a file may be written or removed at `relativePath`. */
  async checkFile(relativePath: string): Promise<void> {
    const segments = safeSegments(relativePath);
    const target = join(this.root, ...segments);
    if (!isStrictlyInside(this.root, target)) {
      throw new WriterError('path_outside_root', `Refusing ${relativePath}: it is not inside the site root.`, { path: relativePath });
    }
    if (Buffer.byteLength(target, 'utf8') > MAX_PATH_BYTES) {
      throw new WriterError('path_too_long', `${relativePath} would be longer than ${MAX_PATH_BYTES} bytes below ${this.root}.`, {
        path: relativePath,
      });
    }
    await this.checkAncestor(dirname(target), relativePath);
    const stats = await this.lstat(target, relativePath);
    if (stats?.isDirectory()) {
      throw new WriterError('path_conflict', `A directory stands where the file ${relativePath} goes.`, { path: relativePath });
    }
  }

  private checkAncestor(directory: string, relativePath: string): Promise<void> {
    let pending = this.ancestors.get(directory);
    if (!pending) {
      pending = this.resolveAncestor(directory, relativePath);
      this.ancestors.set(directory, pending);
    }
    return pending;
  }

  private async resolveAncestor(directory: string, relativePath: string): Promise<void> {
    if (directory === this.root) return;
    let real: string;
    try {
      real = await this.fs.realpath(directory);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT') return this.checkAncestor(dirname(directory), relativePath);
      if (code === 'ENOTDIR') {
        throw new WriterError('path_conflict', `A file stands where a directory of ${relativePath} goes.`, { path: relativePath });
      }
      throw new WriterError('io_failed', `Cannot resolve ${directory}.`, { path: relativePath, cause: error });
    }
    if (real !== this.realRoot && !isStrictlyInside(this.realRoot, real)) {
      throw new WriterError('path_outside_root', `Refusing ${relativePath}: its folder leads to ${real}, outside the site root.`, {
        path: relativePath,
      });
    }
    const stats = await this.lstat(real, relativePath);
    if (!stats?.isDirectory()) {
      throw new WriterError('path_conflict', `A file stands where a directory of ${relativePath} goes.`, { path: relativePath });
    }
  }

  private async lstat(path: string, relativePath: string): Promise<Awaited<ReturnType<WriterFs['lstat']>> | undefined> {
    try {
      return await this.fs.lstat(path);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw new WriterError('io_failed', `Cannot inspect ${path}.`, { path: relativePath, cause: error });
    }
  }
}
