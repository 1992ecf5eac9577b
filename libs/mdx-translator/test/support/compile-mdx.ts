import { compile } from '@mdx-js/mdx';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';

const ADMONITION_TITLE = /^((?:> ?)*(?: +|\t+)?:{3,}(?:secondary|info|success|danger|note|tip|warning|important|caution)) +(.*)$/gm;

/**
 * Compiles MDX the way a Docusaurus 3 site with remark-math does (throws on any error), after the
 * rewrites Docusaurus' `markdown.mdx1Compat` applies by default: a classic `## Title {#id}` id is
 * escaped, `:::note Title` becomes `:::note[Title]`, and HTML comments are dropped (Docusaurus parses
 * them with remark-comment; here they become MDX comments).
 */
export async function compileMdx(mdx: string): Promise<void> {
  const docusaurus = mdx
    .replace(/^([ \t]{0,3}#{1,6}[ \t].*?)\{#([^{}\s]+)\}([ \t]*)$/gm, '$1\\{#$2\\}$3')
    .replace(ADMONITION_TITLE, '$1[$2]')
    .replace(/(?<!\\)<!--([\s\S]*?)-->/g, '{/*$1*/}');
  await compile(docusaurus, { remarkPlugins: [remarkFrontmatter, remarkGfm, remarkDirective, remarkMath] });
}
