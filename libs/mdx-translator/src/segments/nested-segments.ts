import { CLASSIC_ADMONITION_TITLE } from '../mdx/mdx-parser';
import { labelEnd, resourceTitle } from './link-syntax';
import type { AnyNode } from './mdast-node';
import { jsxAttributes, rangeOf } from './mdast-node';
import type { SegmentSink } from './segment-sink';

/**
 * Segments that sit inside markup: JSX attribute values, image alt text and titles, link titles. They
 * are replaced by their own offsets, also when the markup around them is a placeholder of a larger
 * segment.
 */

/** Whitelisted literal attributes of a JSX element (`<TabItem label="Linux">`). */
export function addAttributeSegments(sink: SegmentSink, node: AnyNode, names: ReadonlySet<string>): void {
  for (const attribute of jsxAttributes(node)) {
    if (!names.has(attribute.name)) continue;
    const range = rangeOf({ type: attribute.type, position: attribute.position });
    if (range === undefined) continue;
    const raw = sink.source.slice(range[0], range[1]);
    const equals = raw.indexOf('=');
    const quoteAt = raw.slice(equals + 1).search(/["']/);
    if (equals < 0 || quoteAt < 0) continue;
    const open = equals + 1 + quoteAt;
    const quote = raw[open] as '"' | "'";
    if (raw.at(-1) !== quote || raw.length - 1 <= open) continue;
    sink.add(range[0] + open + 1, range[1] - 1, sink.textPieces(attribute.value as string, { n: 0 }), { type: 'attribute', quote });
  }
}

/** The alt text and title of `![alt](url "title")`. */
export function addImageSegments(sink: SegmentSink, node: AnyNode): void {
  const range = rangeOf(node);
  const source = sink.source;
  if (range === undefined || source[range[0]] !== '!' || source[range[0] + 1] !== '[') return;
  const end = labelEnd(source, range[0] + 1);
  if (end < 0 || end > range[1]) return;
  if (typeof node.alt === 'string' && node.alt.length > 0) {
    sink.add(range[0] + 2, end - 1, sink.textPieces(node.alt, { n: 0 }), { type: 'markdown', block: 'alt', linePrefix: '', eol: '\n' });
  }
  addTitleSegment(sink, node, end, range[1]);
}

/** The title of a link `[text](url "title")`, given the offset of its closing `]`. */
export function addLinkTitleSegment(sink: SegmentSink, node: AnyNode, closingBracket: number, nodeEnd: number): void {
  if (sink.source[closingBracket] === ']') addTitleSegment(sink, node, closingBracket + 1, nodeEnd);
}

function addTitleSegment(sink: SegmentSink, node: AnyNode, resourceStart: number, nodeEnd: number): void {
  if (typeof node.title !== 'string' || node.title.length === 0) return;
  const title = resourceTitle(sink.source, resourceStart);
  if (title === undefined || title.end > nodeEnd) return;
  sink.add(title.start, title.end, sink.textPieces(node.title, { n: 0 }), { type: 'title', delimiter: title.delimiter });
}

/** Characters that make a title's source differ from the text it shows (escapes, references, markup). */
const MARKUP = /[\\&*_`[\]{}<>$~]|:[A-Za-z0-9_:]/;

/**
 * The title of an MDX 1 style admonition `:::note Title` (which Docusaurus rewrites to `:::note[Title]`),
 * when it is plain text; a title with markup stays as written.
 */
export function addClassicAdmonitionTitle(sink: SegmentSink, node: AnyNode): void {
  const range = rangeOf(node);
  if (range === undefined) return;
  const source = sink.source;
  const lineStart = source.lastIndexOf('\n', range[0] - 1) + 1;
  const lineEnd = source.slice(lineStart).search(/[\r\n]|$/) + lineStart;
  const match = new RegExp(CLASSIC_ADMONITION_TITLE.source).exec(source.slice(lineStart, lineEnd));
  if (match === null || MARKUP.test(match[3])) return;
  const start = lineStart + match[1].length + match[2].length;
  sink.add(start, start + match[3].trimEnd().length, sink.textPieces(match[3], { n: 0 }), { type: 'markdown', block: 'label', linePrefix: '', eol: '\n' });
}
