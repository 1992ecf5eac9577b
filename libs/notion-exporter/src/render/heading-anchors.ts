import type { Heading, Nodes, PhrasingContent, Root } from 'mdast';
import { PAGE_URL } from '../convert/symbolic-urls';
import type { HeadingData, MentionData } from '../convert/symbolic-urls';

/**
 * A heading's anchor as Docusaurus makes it (github-slugger's rule): lower case; every character that is
 * not a letter, a mark, a decimal or letter number, connector punctuation (`_`), `-` or a space dropped;
 * spaces turned into `-`.
 */
export function headingSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc} -]+/gu, '')
    .replace(/ /g, '-');
}

/** The text Docusaurus slugs: every value and alt text in the heading, page mentions as their current title. */
function textOf(node: Nodes, mentionTitle: (url: string) => string | undefined): string {
  if (node.type === 'link' && (node.data as MentionData | undefined)?.notionMention) return mentionTitle(node.url) ?? '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  return 'children' in node ? (node.children as Nodes[]).map((c) => textOf(c, mentionTitle)).join('') : '';
}

function headingsOf(root: Root): Heading[] {
  const out: Heading[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'heading') out.push(node);
    else if ('children' in node) (node.children as Nodes[]).forEach(walk);
  };
  walk(root);
  return out;
}

/**
 * The anchor of each heading of a stored body, by Notion block id, numbered as Docusaurus numbers a
 * repeated slug (`setup`, `setup-1`, `setup-2`) in document order.
 */
export function headingAnchors(body: Root, mentionTitle: (url: string) => string | undefined): Map<string, string> {
  const anchors = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const heading of headingsOf(body)) {
    const base = headingSlug(textOf(heading, mentionTitle));
    let slug = base;
    while (seen.has(slug)) {
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      slug = `${base}-${n}`;
    }
    seen.set(slug, 0);
    const blockId = (heading.data as HeadingData | undefined)?.notionBlockId;
    if (blockId && slug !== '') anchors.set(blockId, slug);
  }
  return anchors;
}

/** The blocks that links in these bodies point at (`notion-page:<page>#<block>`). */
export function linkedBlocks(bodies: Iterable<Root>): Set<string> {
  const blocks = new Set<string>();
  const walk = (node: Nodes): void => {
    if (node.type === 'link' && node.url.startsWith(PAGE_URL) && node.url.includes('#')) blocks.add(node.url.slice(node.url.indexOf('#') + 1));
    if ('children' in node) (node.children as Nodes[]).forEach(walk);
  };
  for (const body of bodies) walk(body);
  return blocks;
}

/**
 * Writes the anchor of each linked heading as an explicit id (`## Title {/* #title *\/}`, which Docusaurus
 * reads), so the link and the anchor agree whatever the slugger, and in every translation.
 */
export function pinHeadingIds(body: Root, anchors: Map<string, string>, linked: Set<string>): void {
  for (const heading of headingsOf(body)) {
    const blockId = (heading.data as HeadingData | undefined)?.notionBlockId;
    const anchor = blockId && linked.has(blockId) ? anchors.get(blockId) : undefined;
    if (!anchor) continue;
    const id = { type: 'mdxTextExpression', value: `/* #${anchor} */` } as unknown as PhrasingContent;
    heading.children.push({ type: 'text', value: ' ' }, id);
  }
}
