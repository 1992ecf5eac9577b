import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { shiftOffsets } from './position-shifter';

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkDirective)
  .use(remarkMath)
  .use(remarkMdx)
  .freeze();

const BOM = '\uFEFF';

/** An ATX heading line ending in the classic Docusaurus explicit id `{#my-id}`. */
const CLASSIC_HEADING_ID = /^([ \t]{0,3}#{1,6}[ \t].*?)(\{#[^{}\s]+\})([ \t]*)$/gm;

/** Docusaurus' default admonition keywords (`markdown.admonitions`). */
const ADMONITIONS = ['secondary', 'info', 'success', 'danger', 'note', 'tip', 'warning', 'important', 'caution'];

/** `:::note Title`, the MDX 1 admonition title Docusaurus rewrites to `:::note[Title]` before parsing. */
export const CLASSIC_ADMONITION_TITLE = new RegExp(`^((?:> ?)*(?: +|\\t+)?:{3,}(?:${ADMONITIONS.join('|')}))( +)(.*)$`, 'gm');

/** An HTML comment, which Docusaurus (`markdown.mdx1Compat.comments`) accepts in MDX and drops. */
const HTML_COMMENT = /(?<!\\)<!--([\s\S]*?)-->/g;

const blank = (text: string): string => text.replace(/[^\r\n]/g, ' ');

/**
 * Rewrites, without moving any offset, what Docusaurus accepts but MDX itself does not read the same way:
 * classic heading ids (`## Title {#my-id}`) become spaces, `:::note Title` loses its title (spaces),
 * and `<!-- comments -->` become `{/* comments *\/}` of the same length.
 */
export function maskDocusaurusSyntax(source: string): string {
  return source
    .replace(CLASSIC_HEADING_ID, (_line, head: string, id: string, tail: string) => `${head}${blank(id)}${tail}`)
    .replace(CLASSIC_ADMONITION_TITLE, (_line, fence: string, space: string, title: string) => `${fence}${space}${blank(title)}`)
    .replace(HTML_COMMENT, (comment: string, body: string) => (/\*\/|[{}]/.test(body) ? comment : `{/* ${body}*/}`));
}

/**
 * Parses MDX the way Docusaurus reads it (GFM, YAML front matter, `:::` admonitions as directives,
 * `$…$` / `$$…$$` math, JSX and expressions, plus the MDX 1 syntax it still accepts: classic `{#id}`
 * heading ids, `:::note Title` and HTML comments). Every node keeps its source position, which is what
 * translations are spliced by; a leading byte order mark is counted. Throws a `VFileMessage` naming line
 * and column when the source is not valid MDX.
 */
export function parseMdx(source: string): Root {
  if (!source.startsWith(BOM)) return processor.parse(maskDocusaurusSyntax(source));
  const root = processor.parse(maskDocusaurusSyntax(source.slice(1)));
  shiftOffsets(root, 1);
  return root;
}
