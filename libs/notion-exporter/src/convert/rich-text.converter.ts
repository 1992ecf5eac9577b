import type { RichTextItemResponse } from '@notionhq/client';
import type { PhrasingContent } from 'mdast';
import { notionLinkTarget } from '../api/page-id';
import { formatNotionDate } from './date-format';
import { jsxText, text } from './mdast-builders';
import { databaseUrl, mentionLink, pageUrl } from './symbolic-urls';

type Mark = 'bold' | 'italic' | 'strikethrough' | 'underline' | 'code' | 'highlight';

interface Segment {
  /** Plain text (merged with equal neighbours), or a ready node (mention, equation). */
  value: string | PhrasingContent;
  marks: Mark[];
  href?: string;
}

export interface RichTextOptions {
  /** How a newline inside text is written: a markdown hard break, `<br />` (table cells), or a space (headings, one line by nature). */
  lineBreak?: 'break' | 'jsx' | 'space';
}

/** Notion text may hold `\r\n` or a lone `\r`; markdown reads each as a line ending. */
const LINE_ENDING = /\r\n?|\n/;

function marksOf(item: RichTextItemResponse): Mark[] {
  const a = item.annotations;
  const marks: Mark[] = [];
  if (a.code) marks.push('code');
  if (a.strikethrough) marks.push('strikethrough');
  if (a.italic) marks.push('italic');
  if (a.bold) marks.push('bold');
  if (a.underline) marks.push('underline');
  // Text colours are dropped; a background colour is a highlight.
  if (a.color.endsWith('_background')) marks.push('highlight');
  return marks;
}

/** Links to Notion pages become symbolic page links (relative doc links once resolved). */
function linkTarget(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  const target = notionLinkTarget(url);
  return target ? pageUrl(target.pageId, target.blockId) : url;
}

function segmentOf(item: RichTextItemResponse): Segment {
  const marks = marksOf(item);
  if (item.type === 'equation') return { value: { type: 'inlineMath', value: item.equation.expression }, marks: [] };
  if (item.type === 'text') return { value: item.text.content, marks, href: linkTarget(item.text.link?.url ?? item.href) };
  const mention = item.mention;
  switch (mention.type) {
    case 'user':
      return { value: item.plain_text.replace(/^@/, ''), marks };
    case 'date':
      return { value: formatNotionDate(mention.date), marks };
    case 'page':
      return { value: mentionLink(pageUrl(mention.page.id), item.plain_text), marks };
    case 'database':
      return { value: { type: 'link', url: databaseUrl(mention.database.id), children: [text(item.plain_text)] }, marks };
    default:
      return { value: item.plain_text, marks, href: linkTarget(item.href) };
  }
}

const sameMarks = (a: Segment, b: Segment) => a.marks.join() === b.marks.join() && a.href === b.href;

function lines(value: string, lineBreak: RichTextOptions['lineBreak']): PhrasingContent[] {
  if (lineBreak === 'space') return value === '' ? [] : [text(value.split(LINE_ENDING).join(' '))];
  const out: PhrasingContent[] = [];
  value.split(LINE_ENDING).forEach((line, i) => {
    if (i > 0) out.push(lineBreak === 'jsx' ? jsxText('br', []) : { type: 'break' });
    if (line !== '') out.push(text(line));
  });
  return out;
}

function wrap(mark: Mark, children: PhrasingContent[]): PhrasingContent[] {
  switch (mark) {
    case 'strikethrough':
      return [{ type: 'delete', children }];
    case 'italic':
      return [{ type: 'emphasis', children }];
    case 'bold':
      return [{ type: 'strong', children }];
    case 'underline':
      return [jsxText('u', [], children)];
    case 'highlight':
      return [jsxText('mark', [], children)];
    default:
      return children;
  }
}

function render(segment: Segment, options: RichTextOptions): PhrasingContent[] {
  if (typeof segment.value !== 'string') return segment.marks.reduce((nodes, mark) => wrap(mark, nodes), [segment.value]);
  const value = segment.value;
  if (segment.marks.includes('code')) {
    const code: PhrasingContent[] = [{ type: 'inlineCode', value: value.split(LINE_ENDING).join(' ') }];
    return segment.marks.filter((m) => m !== 'code').reduce((nodes, mark) => wrap(mark, nodes), code);
  }
  if (segment.marks.length === 0 || value.trim() === '') return lines(value, options.lineBreak);
  // Markdown emphasis cannot start or end with whitespace: keep it outside the marks.
  const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(value) as RegExpExecArray;
  const inner = segment.marks.reduce((nodes, mark) => wrap(mark, nodes), lines(core, options.lineBreak));
  return [...lines(lead, options.lineBreak), ...inner, ...lines(trail, options.lineBreak)];
}

/** Notion rich text → mdast phrasing: annotations, links, mentions, inline equations. */
export function convertRichText(items: readonly RichTextItemResponse[], options: RichTextOptions = {}): PhrasingContent[] {
  const segments: Segment[] = [];
  for (const item of items) {
    const segment = segmentOf(item);
    const last = segments[segments.length - 1];
    if (last && typeof last.value === 'string' && typeof segment.value === 'string' && sameMarks(last, segment)) last.value += segment.value;
    else segments.push(segment);
  }
  const out: PhrasingContent[] = [];
  for (let i = 0; i < segments.length; ) {
    const href = segments[i].href;
    let j = i;
    const children: PhrasingContent[] = [];
    while (j < segments.length && segments[j].href === href) children.push(...render(segments[j++], options));
    if (href) out.push({ type: 'link', url: href, children });
    else out.push(...children);
    i = j;
  }
  return out;
}

export function isBlank(items: readonly RichTextItemResponse[]): boolean {
  return items.every((item) => item.plain_text.trim() === '');
}
