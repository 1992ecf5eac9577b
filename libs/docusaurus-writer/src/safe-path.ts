import { isAbsolute, relative, resolve, sep } from 'node:path';
import { WriterError } from './writer-error';

const RESERVED_NAMES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;
const MAX_SEGMENT_BYTES = 255;

/**
 * Throws a `WriterError` unless `segment` is a file or directory name that is safe on Linux, macOS and
 * Windows: not empty, not `.`/`..`, no separator, no control character, no character Windows forbids,
 * not a Windows device name, no trailing dot or space, at most 255 bytes.
 */
export function assertSafeSegment(segment: string, path: string = segment): void {
  const quoted = JSON.stringify(segment);
  if (segment === '') {
    throw new WriterError('path_segment_empty', `Path ${JSON.stringify(path)} has an empty segment.`, { path });
  }
  if (segment === '.' || segment === '..') {
    throw new WriterError('path_segment_dot', `Path ${JSON.stringify(path)} has a ${quoted} segment.`, { path });
  }
  if (segment.includes('/') || segment.includes('\\')) {
    throw new WriterError('path_segment_separator', `Path segment ${quoted} contains a path separator.`, { path });
  }
  if (CONTROL_CHARACTERS.test(segment)) {
    throw new WriterError('path_segment_control_character', `Path segment ${quoted} contains a control character.`, { path });
  }
  if (WINDOWS_FORBIDDEN.test(segment)) {
    throw new WriterError('path_segment_invalid_character', `Path segment ${quoted} contains one of < > : " | ? *.`, { path });
  }
  if (RESERVED_NAMES.test(segment)) {
    throw new WriterError('path_segment_reserved_name', `Path segment ${quoted} is a reserved device name on Windows.`, { path });
  }
  if (segment.endsWith('.') || segment.endsWith(' ')) {
    throw new WriterError('path_segment_trailing_dot_or_space', `Path segment ${quoted} ends with a dot or a space.`, { path });
  }
  if (Buffer.byteLength(segment, 'utf8') > MAX_SEGMENT_BYTES) {
    throw new WriterError('path_segment_too_long', `Path segment ${quoted} is longer than ${MAX_SEGMENT_BYTES} bytes.`, { path });
  }
}

/** Splits a POSIX relative path (`guide/install.mdx`) and checks every segment; returns the segments. */
export function safeSegments(posixPath: string): string[] {
  const segments = posixPath.split('/');
  for (const segment of segments) assertSafeSegment(segment, posixPath);
  return segments;
}

/**
 * Resolves `segments` below `root` and returns the absolute path, after checking every segment with
 * `assertSafeSegment` and that the result is strictly inside `root`. This is the lexical check; the writer
 * also resolves the real path of the parent directory, so a symlink inside the root cannot lead out of it.
 */
export function resolveInside(root: string, ...segments: string[]): string {
  const parts = segments.flatMap((segment) => segment.split('/'));
  for (const part of parts) assertSafeSegment(part, segments.join('/'));
  const base = resolve(root);
  const target = resolve(base, ...parts);
  if (!isStrictlyInside(base, target)) {
    throw new WriterError('path_outside_root', `Refusing ${target}: it is not inside ${base}.`, { path: target });
  }
  return target;
}

/** True when `target` is below `base` (both absolute and normalised); `base` itself is not inside. */
export function isStrictlyInside(base: string, target: string): boolean {
  const rel = relative(base, target);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
