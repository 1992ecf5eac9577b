import * as nodeFs from 'node:fs/promises';

/** What the writer needs to know about an existing path (the subset of `fs.Stats` it reads). */
export interface WriterStats {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  readonly size: number;
}

/**
 * The file-system port. `node:fs/promises` satisfies it and is the default; pass another implementation
 * (an in-memory fs, a wrapper that counts writes) as `fs`. Failures must be errors carrying Node's `code`
 * (`ENOENT`, `ENOTDIR`, `ENOTEMPTY`…), as Node's own are.
 */
export interface WriterFs {
  readFile(path: string): Promise<Uint8Array>;
  /** Called with `{flag: 'wx'}`: create a new file, fail if it exists. */
  writeFile(path: string, data: Uint8Array, options: { flag: 'wx' }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<string | undefined>;
  rmdir(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  lstat(path: string): Promise<WriterStats>;
  realpath(path: string): Promise<string>;
}

export const nodeWriterFs: WriterFs = {
  readFile: (path) => nodeFs.readFile(path),
  writeFile: (path, data, options) => nodeFs.writeFile(path, data, options),
  rename: (from, to) => nodeFs.rename(from, to),
  unlink: (path) => nodeFs.unlink(path),
  mkdir: (path, options) => nodeFs.mkdir(path, options),
  rmdir: (path) => nodeFs.rmdir(path),
  readdir: (path) => nodeFs.readdir(path),
  lstat: (path) => nodeFs.lstat(path),
  realpath: (path) => nodeFs.realpath(path),
};

/** The Node error code of a failed fs call (`ENOENT`…), or undefined. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error as { code: unknown };
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}
