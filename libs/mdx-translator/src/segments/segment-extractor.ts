import type { Root } from 'mdast';
import { addFrontMatterSegments } from './front-matter.segments';
import { HeadingSlugger } from './heading-slugger';
import { InlinePieces } from './inline-pieces';
import type { AnyNode } from './mdast-node';
import { rangeOf, textOf } from './mdast-node';
import { addAttributeSegments, addClassicAdmonitionTitle } from './nested-segments';
import { SegmentSink } from './segment-sink';
import type { Replacement, Segment } from './segment.types';
import type { TermMatcher } from './term-matcher';

export interface ExtractOptions {
  terms?: TermMatcher;
  /** JSX attribute names whose literal string values are translated. */
  attributes: ReadonlySet<string>;
  /** Add `{/* #id *\/}` to headings that have no explicit id. */
  headingIds: boolean;
}

export interface ExtractedSegments {
  /** In document order, ids `s1`, `s2`… */
  segments: Segment[];
  /** Zero-length insertions of explicit heading ids. */
  headingIds: Replacement[];
}

/** Flow nodes whose content is never translated. */
const OPAQUE = new Set(['code', 'math', 'mdxjsEsm', 'mdxFlowExpression', 'html', 'definition', 'leafDirective', 'thematicBreak']);

/** `{/* #my-id *\/}`: the explicit heading id Docusaurus reads from a trailing MDX comment. */
function isIdComment(node: AnyNode | undefined): boolean {
  if (node?.type !== 'mdxTextExpression' || typeof node.value !== 'string') return false;
  const comment = /^\s*\/\*([\s\S]*)\*\/\s*$/.exec(node.value);
  const first = comment?.[1].trim().split(' ')[0] ?? '';
  return first.startsWith('#') && first.length > 1;
}

/** Cuts a parsed document into segments: the translatable units and what sits inside their markup. */
export function extractSegments(root: Root, source: string, options: ExtractOptions): ExtractedSegments {
  const sink = new SegmentSink(source, options.terms);
  const inline = new InlinePieces(sink, options.attributes);
  const slugger = new HeadingSlugger();
  const headingIds: Replacement[] = [];

  const unit = (children: AnyNode[], block: 'paragraph' | 'heading' | 'cell' | 'label', node: AnyNode): void => {
    const first = children[0] === undefined ? undefined : rangeOf(children[0]);
    const last = children.length === 0 ? undefined : rangeOf(children[children.length - 1]);
    if (first === undefined || last === undefined) return;
    const pieces = inline.collect(children, { n: 0 });
    if (pieces === undefined) return;
    const start = rangeOf(node)?.[0] ?? first[0];
    const linePrefix = block === 'paragraph' ? linePrefixOf(source, start, last[1]) : '';
    sink.add(first[0], last[1], pieces, { type: 'markdown', block, linePrefix, eol: eolOf(source, start, last[1]) });
  };

  const heading = (node: AnyNode): void => {
    const all = node.children ?? [];
    const explicit = isIdComment(all.at(-1));
    const children = explicit ? all.slice(0, -1) : all;
    unit(children, 'heading', node);
    const last = children.length === 0 ? undefined : rangeOf(children[children.length - 1]);
    const range = rangeOf(node);
    if (!options.headingIds || explicit || last === undefined || range === undefined) return;
    if (/^\s*\{#[^{}\s]+\}/.test(source.slice(last[1], range[1]))) return;
    const slug = slugger.slug(children.map(textOf).join('').trim());
    let at = last[1];
    while (at > range[0] && /\s/.test(source[at - 1])) at -= 1;
    if (slug.length > 0) headingIds.push({ start: at, end: at, text: ` {/* #${slug} */}` });
  };

  const flow = (node: AnyNode): void => {
    if (OPAQUE.has(node.type)) return;
    if (node.type === 'yaml') return addFrontMatterSegments(sink, node);
    if (node.type === 'heading') return heading(node);
    if (node.type === 'paragraph') return unit(node.children ?? [], node.data?.directiveLabel ? 'label' : 'paragraph', node);
    if (node.type === 'tableCell') return unit(node.children ?? [], 'cell', node);
    if (node.type === 'mdxJsxFlowElement') addAttributeSegments(sink, node, options.attributes);
    if (node.type === 'containerDirective') addClassicAdmonitionTitle(sink, node);
    for (const child of node.children ?? []) flow(child);
  };

  flow(root as unknown as AnyNode);
  const segments = [...sink.segments].sort((a, b) => a.start - b.start || b.end - a.end).map((segment, index) => ({ ...segment, id: `s${index + 1}` }));
  return { segments, headingIds };
}

/** The line ending inside `[start, end)`, else the first one of the file, else `\n`. */
function eolOf(source: string, start: number, end: number): '\n' | '\r\n' {
  const inside = source.indexOf('\n', start);
  const at = inside >= 0 && inside < end ? inside : source.indexOf('\n');
  return at > 0 && source[at - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * What goes after a line break inside a paragraph: the container syntax of its continuation lines
 * (`> `, list indentation), taken from the paragraph's own second line, else derived from its first.
 */
function linePrefixOf(source: string, start: number, end: number): string {
  const newline = source.indexOf('\n', start);
  if (newline >= 0 && newline < end) return /^[ \t>]*/.exec(source.slice(newline + 1, end))?.[0] ?? '';
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  return source.slice(lineStart, start).replace(/[^ \t>]/g, ' ');
}
