import { WriterError } from './writer-error';

/**
 * The form under which macOS (APFS, HFS+) and Windows (NTFS) compare names: letter case and Unicode
 * normalisation ignored. Two names with the same fold are one file there.
 */
export function foldName(name: string): string {
  return name.normalize('NFC').toLowerCase().normalize('NFC');
}

/**
 * Throws `path_case_collision` when two of `paths`, or two of their folders, differ only in letter case or
 * normalisation (`Guide.mdx` and `guide.mdx`; the folder `Guide/` and the folder `guide/`; `é` as NFC and as
 * NFD). Such a tree cannot be checked out on macOS or Windows, and a run there would overwrite one with the
 * other. Paths are POSIX, relative to the root; the first collision in sorted order is reported.
 */
export function assertNoCaseCollisions(paths: Iterable<string>): void {
  const byFold = new Map<string, string>();
  for (const path of [...new Set(paths)].sort()) {
    const segments = path.split('/');
    for (let length = 1; length <= segments.length; length += 1) {
      const prefix = segments.slice(0, length).join('/');
      const folded = foldName(prefix);
      const other = byFold.get(folded);
      if (other === undefined) byFold.set(folded, prefix);
      else if (other !== prefix) throw caseCollision(prefix, other);
    }
  }
}

export function caseCollision(path: string, other: string): WriterError {
  return new WriterError(
    'path_case_collision',
    `${path} and ${other} differ only in letter case or Unicode normalisation: they are one file on macOS and Windows.`,
    { path },
  );
}
