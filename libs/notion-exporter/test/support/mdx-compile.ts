import { compile } from '@mdx-js/mdx';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';

/** Compiles a document as Docusaurus would read it (MDX v3 + gfm, front matter, directives, math). */
export async function compileMdx(source: string): Promise<string> {
  const file = await compile(source, { remarkPlugins: [remarkGfm, remarkFrontmatter, remarkDirective, remarkMath] });
  return String(file);
}
