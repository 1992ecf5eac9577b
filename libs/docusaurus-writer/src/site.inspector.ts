import { throwIfAborted } from './abort';
import { readRegularFile, TEMPORARY_FILE } from './file.sync';
import type { OutputPlan, PlannedFile } from './output.planner';
import { caseCollision, foldName } from './path-collision.check';
import type { PathGuard } from './path.guard';
import { errorCode } from './writer-fs';
import type { WriterFs } from './writer-fs';
import { WriterError } from './writer-error';

export interface InspectionInput {
  readonly fs: WriterFs;
  readonly guard: PathGuard;
  readonly plan: OutputPlan;
  /** The files the manifest says the writer owns (POSIX paths relative to the root). */
  readonly previousFiles: Readonly<Record<string, string>>;
  readonly replaceForeignFiles: boolean;
  /** Checked for case collisions and swept of temporary files like an output, but never adopted. */
  readonly manifestPath: string;
  readonly signal?: AbortSignal;
}

export interface SiteInspection {
  /** The planned files the writer owns once the run is done. */
  readonly owned: Set<string>;
  /** Temporary files an interrupted run left next to the outputs, to remove. */
  readonly leftovers: string[];
}

/**
 * Compares the plan with what the site holds, before anything is written, by listing every folder on the way
 * to an output (listings show names as they are stored, whatever the file system's case rules):
 * - an entry that differs from an output's name only in case or normalisation must be the writer's own
 *   (a file the manifest lists, or a folder holding one: both go before the writes), else `path_case_collision`;
 * - a file already at an output path that the manifest does not list is foreign: identical bytes are
 *   adopted, other bytes (or a symlink) are `foreign_file` unless `replaceForeignFiles`;
 * - an asset without data must already be there (`asset_missing`), and stays foreign unless listed.
 */
export async function inspectSite(input: InspectionInput): Promise<SiteInspection> {
  const { plan, previousFiles } = input;
  const listings = new Listings(input.fs, input.guard);
  const previousFolders = new Set(Object.keys(previousFiles).flatMap(ancestorsOf));
  const isOurs = (path: string): boolean => path in previousFiles || previousFolders.has(path);

  for (const path of [...plan.files.keys(), ...plan.translationKeys.keys(), input.manifestPath].sort()) {
    throwIfAborted(input.signal);
    const segments = path.split('/');
    for (let index = 0; index < segments.length; index += 1) {
      const folder = segments.slice(0, index).join('/');
      const listing = await listings.of(folder);
      if (listing === undefined) break;
      const name = segments[index];
      for (const entry of listing.byFold.get(foldName(name)) ?? []) {
        const entryPath = folder === '' ? entry : `${folder}/${entry}`;
        if (entry !== name && !isOurs(entryPath)) throw caseCollision(segments.slice(0, index + 1).join('/'), entryPath);
      }
    }
  }
  const owned = new Set<string>();
  for (const file of [...plan.files.values()].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    throwIfAborted(input.signal);
    // Where the file now stands under its stored name (`Guide/x.mdx` for `guide/x.mdx` on macOS), if anywhere.
    const stored = await listings.storedPath(file.path);
    if (file.content === undefined) {
      // The twin of an asset kept without data is the writer's own and is about to go, so it does not count.
      if (stored !== file.path) throw new WriterError('asset_missing', `Asset ${file.path} came without data and is not in the site.`, { path: file.path });
      if (file.path in previousFiles) owned.add(file.path);
    } else if (stored === undefined || stored in previousFiles || input.replaceForeignFiles || (await holdsSameBytes(input, file))) {
      owned.add(file.path);
    } else {
      throw new WriterError(
        'foreign_file',
        `${file.path} exists and was not written by this writer (the manifest does not list it); move it away, or pass replaceForeignFiles: true.`,
        { path: file.path },
      );
    }
  }
  return { owned, leftovers: await listings.temporaryFiles() };
}

async function holdsSameBytes({ fs, guard }: InspectionInput, file: PlannedFile): Promise<boolean> {
  const bytes = await readRegularFile(fs, guard.absolute(file.path), file.path);
  return bytes !== undefined && file.content !== undefined && Buffer.from(bytes).equals(file.content);
}

function ancestorsOf(path: string): string[] {
  const segments = path.split('/');
  return segments.slice(1).map((_, index) => segments.slice(0, index + 1).join('/'));
}

interface Listing {
  readonly names: ReadonlySet<string>;
  /** The names by `foldName`. */
  readonly byFold: ReadonlyMap<string, readonly string[]>;
}

/** Folder listings, each read once; undefined when the folder does not exist. */
class Listings {
  private readonly cache = new Map<string, Promise<Listing | undefined>>();

  constructor(
    private readonly fs: WriterFs,
    private readonly guard: PathGuard,
  ) {}

  of(folder: string): Promise<Listing | undefined> {
    let listing = this.cache.get(folder);
    if (!listing) {
      listing = this.read(folder);
      this.cache.set(folder, listing);
    }
    return listing;
  }

  /**
   * The path of what stands at `path` under the names the listings show: the exact name where there is one,
   * else the one that differs only in case or normalisation; undefined when nothing does.
   */
  async storedPath(path: string): Promise<string | undefined> {
    let stored = '';
    for (const segment of path.split('/')) {
      const listing = await this.of(stored);
      const name = listing?.names.has(segment) ? segment : listing?.byFold.get(foldName(segment))?.[0];
      if (name === undefined) return undefined;
      stored = stored === '' ? name : `${stored}/${name}`;
    }
    return stored;
  }

  /** The temporary files of `writeAtomically` in every folder listed, sorted. */
  async temporaryFiles(): Promise<string[]> {
    const found: string[] = [];
    for (const [folder, pending] of this.cache) {
      for (const name of (await pending)?.names ?? []) {
        if (TEMPORARY_FILE.test(name)) found.push(folder === '' ? name : `${folder}/${name}`);
      }
    }
    return found.sort();
  }

  private async read(folder: string): Promise<Listing | undefined> {
    let names: string[];
    try {
      names = await this.fs.readdir(folder === '' ? this.guard.root : this.guard.absolute(folder));
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw new WriterError('io_failed', `Cannot list ${folder}.`, { path: folder, cause: error });
    }
    const byFold = new Map<string, string[]>();
    for (const name of names) {
      const folded = foldName(name);
      byFold.set(folded, [...(byFold.get(folded) ?? []), name]);
    }
    return { names: new Set(names), byFold };
  }
}
