import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

/** How every exported page is written: `-` bullets, fenced code, `*` emphasis, `**` strong. */
const STRINGIFY_OPTIONS = {
  bullet: '-',
  fences: true,
  emphasis: '*',
  strong: '*',
  rule: '-',
  listItemIndent: 'one',
} as const;

const processor = unified().use(remarkGfm).use(remarkMdx).use(remarkStringify, STRINGIFY_OPTIONS).freeze();

/**
 * Serialises an mdast tree to MDX. Text is escaped by remark-mdx, so `{`, `}`, `<` and `>` typed in
 * Notion never turn into JSX or expressions: escaping is correct by construction, not by regex.
 */
export function serializeMdx(root: Root): string {
  return processor.stringify(root);
}
