import { isAbsolute, relative, resolve, sep } from 'node:path';
import { WriterError } from './writer-error';

/**
 * Resolves `segments` below `root` and guarantees the result stays inside it. Every path the writer
 * touches goes through here, so a Notion title such as `../../etc/passwd` can never escape the site.
 */
export function resolveInside(root: string, ...segments: string[]): string {
  for (const segment of segments) {
    if (segment === '' || segment.includes('\0')) {
      throw new WriterError('invalid_path_segment', `Path segment ${JSON.stringify(segment)} is empty or contains NUL.`, segment);
    }
  }
  const base = resolve(root);
  const target = resolve(base, ...segments);
  const rel = relative(base, target);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new WriterError('path_outside_root', `Refusing to write ${target}: it is not inside ${base}.`, target);
  }
  return target;
}
