import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import type { Options } from 'remark-stringify';
import { unified } from 'unified';

/** How every exported page is written: `-` bullets, fenced code, `*` emphasis, `**` strong. */
const STRINGIFY_OPTIONS: Options = {
  bullet: '-',
  fences: true,
  emphasis: '*',
  strong: '*',
  rule: '-',
  listItemIndent: 'one',
  // MDX reads a line starting with `import ` or `export ` as ESM: write its first letter as a character reference.
  unsafe: [
    { character: 'i', atBreak: true, after: 'mport\\b' },
    { character: 'e', atBreak: true, after: 'xport\\b' },
  ],
};

const processor = unified()
  .use(remarkGfm)
  .use(remarkMdx)
  .use(remarkMath)
  .use(remarkDirective)
  .use(remarkStringify, STRINGIFY_OPTIONS)
  .freeze();

/**
 * Serialises an mdast tree to MDX. Text is escaped by the serialiser itself (remark-mdx, gfm, math and
 * directive each declare what is unsafe), so `{`, `}`, `<`, `$`, `:::` typed in Notion never turn into
 * JSX, expressions, math or admonitions: escaping is correct by construction, not by regex.
 */
export function serializeMdx(root: Root): string {
  return processor.stringify(root);
}
