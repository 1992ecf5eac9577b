import { dirname, join } from 'node:path';
import { throwIfAborted } from './abort';
import type { TranslationEntry } from './category.builder';
import { pathExists, pruneEmptyFolders, readRegularFile, removeFile, syncFile } from './file.sync';
import { compare } from './manifest';
import type { PathGuard } from './path.guard';
import { mergeTranslationFile } from './translation-file.merger';
import type { WriterFs } from './writer-fs';

export interface PreparedTranslations {
  readonly path: string;
  readonly existing: string | undefined;
  /** The new content; undefined when the file should not exist. */
  readonly merged: string | undefined;
}

export interface UpdateReport {
  created: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
}

/**
 * The file operations of one run, on paths the guard has accepted (POSIX, relative to the root), with what
 * happened to each path recorded for the result.
 */
export class SiteUpdate {
  private readonly outcomes = new Map<string, keyof UpdateReport>();

  constructor(
    private readonly fs: WriterFs,
    private readonly guard: PathGuard,
    private readonly signal: AbortSignal | undefined,
  ) {}

  async read(path: string): Promise<string | undefined> {
    const bytes = await readRegularFile(this.fs, this.guard.absolute(path), path);
    return bytes === undefined ? undefined : Buffer.from(bytes).toString('utf8');
  }

  exists(path: string): Promise<boolean> {
    return pathExists(this.fs, this.guard.absolute(path), path);
  }

  /** Makes `path` hold `content`, writing only when it differs. */
  async sync(path: string, content: string | Uint8Array, { report = true }: { report?: boolean } = {}): Promise<void> {
    throwIfAborted(this.signal);
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const outcome = await syncFile(this.fs, this.guard.absolute(path), bytes, path);
    if (report) this.outcomes.set(path, outcome);
  }

  /** A file of the output left as it is (an asset re-used without its bytes). */
  keep(path: string): void {
    this.outcomes.set(path, 'unchanged');
  }

  /** Removes a file an earlier run wrote, then the folders that removal left empty. */
  async remove(path: string): Promise<void> {
    throwIfAborted(this.signal);
    const absolute = this.guard.absolute(path);
    if (await removeFile(this.fs, absolute, path)) {
      this.outcomes.set(path, 'removed');
      await pruneEmptyFolders(this.fs, dirname(absolute), join(this.guard.root, path.split('/')[0]));
    }
  }

  /** Removes a temporary file an interrupted run left behind; not reported (it was never part of the site). */
  async discard(path: string): Promise<void> {
    throwIfAborted(this.signal);
    await removeFile(this.fs, this.guard.absolute(path), path);
  }

  /**
   * Reads a shared `current.json` and merges the writer's keys into it, keeping everyone else's. Nothing is
   * written yet, so a broken file stops the run before any write.
   */
  async prepareTranslations(
    path: string,
    ownedBefore: readonly string[],
    wanted: Readonly<Record<string, TranslationEntry>>,
  ): Promise<PreparedTranslations> {
    const existing = await this.read(path);
    return { path, existing, merged: mergeTranslationFile(existing, path, ownedBefore, wanted) };
  }

  /** Writes a prepared `current.json`, or removes it when nothing is left in it. */
  async applyTranslations({ path, existing, merged }: PreparedTranslations): Promise<void> {
    if (merged !== undefined) await this.sync(path, merged);
    else if (existing !== undefined) await this.remove(path);
  }

  /** Reports a file written without reporting (the manifest) by comparing its first and last contents. */
  reportAgainst(path: string, before: string | undefined, after: string): void {
    this.outcomes.set(path, before === undefined ? 'created' : before === after ? 'unchanged' : 'changed');
  }

  result(): UpdateReport {
    const report: UpdateReport = { created: [], changed: [], removed: [], unchanged: [] };
    for (const [path, outcome] of this.outcomes) report[outcome].push(path);
    for (const list of Object.values(report)) list.sort(compare);
    return report;
  }
}
