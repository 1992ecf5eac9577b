import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).use(remarkMdx).freeze();

/**
 * Parses MDX the way Docusaurus reads it (GFM, YAML front matter, `:::` admonitions as directives, JSX
 * and expressions). Every node keeps its source position, which is what translations are spliced by.
 * Throws a `VFileMessage` naming line and column when the source is not valid MDX.
 */
export function parseMdx(source: string): Root {
  return processor.parse(source);
}
