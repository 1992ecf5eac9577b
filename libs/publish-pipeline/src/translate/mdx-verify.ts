import type { compile as compileType } from '@mdx-js/mdx';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';

/** Admonition keywords Docusaurus 3 knows by default. */
const KEYWORDS = 'note|tip|info|warning|danger|caution|important|secondary|success';
/** `:::tip Some title` (MDX 1 syntax Docusaurus still reads) → `:::tip[Some title]`. */
const LEGACY_TITLE = new RegExp(`^([ \\t>]*:{3,}(?:${KEYWORDS}))[ \\t]+(\\S[^\\n]*)$`, 'gm');
/** `## Title {#anchor}` (MDX 1 heading id Docusaurus still reads): escaped so MDX 3 reads it as text. */
const CLASSIC_HEADING_ID = /^([ \t]{0,3}#{1,6}[ \t][^\n]*?)\{#([^\s{}]+)\}([ \t]*)$/gm;
/** `<!-- … -->` (Docusaurus drops HTML comments before MDX sees them) → an MDX comment. */
const HTML_COMMENT = /<!--([\s\S]*?)-->/g;

let compiler: Promise<typeof compileType> | undefined;

/**
 * `@mdx-js/mdx` is loaded on first use, by a dynamic import: loaded statically, its ESM dependency tree fails
 * to resolve under tsx (`npm run cli`), and a run without translation never needs it.
 */
function loadCompile(): Promise<typeof compileType> {
  compiler ??= import('@mdx-js/mdx').then((module) => module.compile);
  return compiler;
}

/** The text as Docusaurus 3's `mdx1Compat` pre-processing hands it to MDX. */
function asDocusaurusReadsIt(mdx: string): string {
  return mdx
    .replace(CLASSIC_HEADING_ID, '$1\\{#$2\\}$3')
    .replace(LEGACY_TITLE, '$1[$2]')
    .replace(HTML_COMMENT, (_whole, text: string) => `{/*${text.replace(/\*\//g, '* /')}*/}`);
}

/**
 * Compiles a document with `@mdx-js/mdx` and the remark plugins a Docusaurus site with math uses (gfm,
 * front matter, directives, math); throws what MDX throws. Used as mdx-translator's `verify`, so a
 * translation that would break the site's build is refused segment by segment.
 */
export async function compileMdx(mdx: string): Promise<void> {
  const compile = await loadCompile();
  await compile(asDocusaurusReadsIt(mdx), { remarkPlugins: [remarkFrontmatter, remarkGfm, remarkDirective, remarkMath] });
}

/** Whether `mdx` compiles (see `compileMdx`). */
export async function compiles(mdx: string): Promise<boolean> {
  try {
    await compileMdx(mdx);
    return true;
  } catch {
    return false;
  }
}
