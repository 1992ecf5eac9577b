import type { AnyNode } from './mdast-node';
import { rangeOf } from './mdast-node';
import { addAttributeSegments, addImageSegments, addLinkTitleSegment } from './nested-segments';
import type { Counter, SegmentSink } from './segment-sink';
import type { Piece } from './segment.types';

/** Inline nodes whose children are translated, with their own markup as a `⟦n⟧…⟦/n⟧` pair. */
const SPANS = new Set(['strong', 'emphasis', 'delete', 'link', 'linkReference', 'mdxJsxTextElement']);

/** A link written as its own URL (`<https://…>`, a bare `https://…`, an e-mail): kept whole. */
function isAutolink(node: AnyNode): boolean {
  if (node.type !== 'link' || node.children?.length !== 1 || node.children[0].type !== 'text') return false;
  const text = node.children[0].value;
  return text === node.url || `mailto:${String(text)}` === node.url || `http://${String(text)}` === node.url;
}

/**
 * Turns phrasing content into pieces: text stays text, spans become placeholder pairs around their
 * translated children, everything else (inline code, math, expressions, breaks, images, self-closing
 * JSX, directives…) becomes one placeholder holding its exact source bytes. A placeholder also holds
 * the line prefix (`> `, indentation) that follows it up to the next node.
 */
export class InlinePieces {
  constructor(
    private readonly sink: SegmentSink,
    private readonly attributes: ReadonlySet<string>,
  ) {}

  collect(children: readonly AnyNode[], counter: Counter, pieces: Piece[] = []): Piece[] | undefined {
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index];
      const range = rangeOf(child);
      if (range === undefined) return undefined;
      const next = children[index + 1];
      const gapEnd = next === undefined ? range[1] : (rangeOf(next)?.[0] ?? range[1]);
      if (child.type === 'text') {
        pieces.push(...this.sink.textPieces(String(child.value), counter));
      } else if (SPANS.has(child.type) && !isAutolink(child) && this.spanRange(child) !== undefined) {
        if (!this.span(child, range, this.spanRange(child) ?? range, gapEnd, counter, pieces)) return undefined;
      } else {
        counter.n += 1;
        const bareUrl = isAutolink(child) && !/^[<[]/.test(this.sink.source.slice(range[0], range[0] + 1));
        pieces.push({ kind: 'atom', n: counter.n, start: range[0], end: Math.max(range[1], gapEnd), ...(bareUrl ? { bareUrl } : {}) });
        if (child.type === 'image') addImageSegments(this.sink, child);
        if (child.type === 'mdxJsxTextElement') addAttributeSegments(this.sink, child, this.attributes);
      }
    }
    return pieces;
  }

  /**
   * A shortcut (`[Label]`) or collapsed (`[Label][]`) reference names its definition by its own text: once
   * that text is translated, the closing markup becomes `][Label]` (a full reference to the same definition).
   */
  private referenceClose(node: AnyNode, range: [number, number], gapEnd: number): { text: string } | Record<string, never> {
    if (node.type !== 'linkReference' || (node.referenceType !== 'shortcut' && node.referenceType !== 'collapsed')) return {};
    const source = this.sink.source;
    const labelEnd = range[1] - (node.referenceType === 'shortcut' ? 1 : 3);
    return { text: `][${source.slice(range[0] + 1, labelEnd)}]${source.slice(range[1], Math.max(range[1], gapEnd))}` };
  }

  /** `[first child start, last child end)` of a span with positioned children. */
  private spanRange(node: AnyNode): [number, number] | undefined {
    const children = node.children ?? [];
    const first = children[0] === undefined ? undefined : rangeOf(children[0]);
    const last = children.length === 0 ? undefined : rangeOf(children[children.length - 1]);
    return first === undefined || last === undefined ? undefined : [first[0], last[1]];
  }

  private span(node: AnyNode, range: [number, number], inner: [number, number], gapEnd: number, counter: Counter, pieces: Piece[]): boolean {
    counter.n += 1;
    const n = counter.n;
    pieces.push({ kind: 'open', n, start: range[0], end: inner[0] });
    if (node.type === 'mdxJsxTextElement') addAttributeSegments(this.sink, node, this.attributes);
    if (this.collect(node.children ?? [], counter, pieces) === undefined) return false;
    pieces.push({ kind: 'close', n, start: inner[1], end: Math.max(range[1], gapEnd), ...this.referenceClose(node, range, gapEnd) });
    if (node.type === 'link') addLinkTitleSegment(this.sink, node, inner[1], range[1]);
    return true;
  }
}
