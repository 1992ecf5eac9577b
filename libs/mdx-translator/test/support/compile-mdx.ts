import { compile } from '@mdx-js/mdx';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';

/**
 * Compiles MDX the way a Docusaurus 3 site with remark-math does (throws on any error). Like Docusaurus
 * with `markdown.mdx1Compat.headingIds` (its default), a classic `## Title {#id}` id is escaped first.
 */
export async function compileMdx(mdx: string): Promise<void> {
  const escaped = mdx.replace(/^([ \t]{0,3}#{1,6}[ \t].*?)\{#([^{}\s]+)\}([ \t]*)$/gm, '$1\\{#$2\\}$3');
  await compile(escaped, { remarkPlugins: [remarkFrontmatter, remarkGfm, remarkDirective, remarkMath] });
}
