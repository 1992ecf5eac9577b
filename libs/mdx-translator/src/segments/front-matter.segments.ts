import { isMap, isScalar, parseDocument } from 'yaml';
import type { AnyNode } from './mdast-node';
import { rangeOf } from './mdast-node';
import type { SegmentSink } from './segment-sink';

/** The only front matter keys that are translated; `id`, `slug`, `tags` and the rest stay byte for byte. */
export const FRONT_MATTER_KEYS: readonly string[] = ['title', 'sidebar_label', 'pagination_label', 'description'];

/** One segment per translatable string value of the YAML front matter. */
export function addFrontMatterSegments(sink: SegmentSink, node: AnyNode): void {
  const range = rangeOf(node);
  if (range === undefined || typeof node.value !== 'string') return;
  const source = sink.source;
  const contentStart = source.indexOf('\n', range[0]) + 1;
  if (contentStart <= 0) return;
  const document = parseDocument(source.slice(contentStart, contentStart + node.value.length));
  if (document.errors.length > 0 || !isMap(document.contents)) return;
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value) || !FRONT_MATTER_KEYS.includes(String(pair.key.value))) continue;
    const value = pair.value.value;
    const valueRange = pair.value.range;
    if (typeof value !== 'string' || valueRange === undefined || valueRange === null) continue;
    let end = contentStart + valueRange[1];
    while (end > contentStart + valueRange[0] && /[\r\n]/.test(source[end - 1])) end -= 1;
    sink.add(contentStart + valueRange[0], end, sink.textPieces(value, { n: 0 }), { type: 'yaml', key: String(pair.key.value), flow: document.contents.flow === true });
  }
}
