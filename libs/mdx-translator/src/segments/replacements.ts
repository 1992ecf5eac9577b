import { renderSegment } from './segment-renderer';
import type { Replacement, Segment } from './segment.types';

/**
 * `source[start, end)` with the replacements that lie inside it applied. Replacements are taken in
 * source order; one that starts inside an already applied one is part of it and skipped. A zero-length
 * insertion exactly at `end` belongs to whatever follows the range, not to it.
 */
export function applyReplacements(source: string, start: number, end: number, replacements: readonly Replacement[]): string {
  const inside = replacements
    .filter((r) => r.start >= start && r.end <= end && !(r.start === r.end && r.start === end))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let cursor = start;
  for (const replacement of inside) {
    if (replacement.start < cursor) continue;
    out += source.slice(cursor, replacement.start) + replacement.text;
    cursor = replacement.end;
  }
  return out + source.slice(cursor, end);
}

/**
 * The whole document with the accepted translations (segment id → translation) and the insertions
 * spliced in by source offsets. A segment nested in another's markup (an image alt inside a paragraph)
 * is written into that markup; everything not replaced stays byte for byte.
 */
export function assembleDocument(source: string, segments: readonly Segment[], accepted: ReadonlyMap<string, string>, insertions: readonly Replacement[]): string {
  const chosen = segments.filter((segment) => accepted.has(segment.id)).sort((a, b) => a.end - a.start - (b.end - b.start));
  const done: Replacement[] = [...insertions];
  for (const segment of chosen) {
    const restore = (from: number, to: number): string => applyReplacements(source, from, to, done);
    done.push({ start: segment.start, end: segment.end, text: renderSegment(segment, accepted.get(segment.id) ?? segment.text, restore) });
  }
  return applyReplacements(source, 0, source.length, done);
}
