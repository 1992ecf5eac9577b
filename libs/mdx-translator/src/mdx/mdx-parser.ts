import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkDirective)
  .use(remarkMath)
  .use(remarkMdx)
  .freeze();

/** An ATX heading line ending in the classic Docusaurus explicit id `{#my-id}`. */
const CLASSIC_HEADING_ID = /^([ \t]{0,3}#{1,6}[ \t].*?)(\{#[^{}\s]+\})([ \t]*)$/gm;

/**
 * Replaces classic heading ids (`## Title {#my-id}`, which Docusaurus accepts through
 * `markdown.mdx1Compat.headingIds` but MDX itself reads as a broken expression) by spaces of the same
 * length, so the text parses and every offset still points into the original.
 */
export function maskClassicHeadingIds(source: string): string {
  return source.replace(CLASSIC_HEADING_ID, (_line, head: string, id: string, tail: string) => `${head}${' '.repeat(id.length)}${tail}`);
}

/**
 * Parses MDX the way Docusaurus reads it (GFM, YAML front matter, `:::` admonitions as directives,
 * `$…$` / `$$…$$` math, JSX and expressions). Classic `{#id}` heading ids are accepted. Every node keeps
 * its source position, which is what translations are spliced by. Throws a `VFileMessage` naming line
 * and column when the source is not valid MDX.
 */
export function parseMdx(source: string): Root {
  return processor.parse(maskClassicHeadingIds(source));
}
