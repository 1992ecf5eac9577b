/**
 * End-to-end: the solution from `solution.source.ts` goes through docusaurus-writer into a fresh copy of this
 * site, which `docusaurus build` then builds in every locale with every link check set to throw. Exits
 * non-zero on the first failed step.
 */
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { localeConfig, writeSolution } from '@zmp-manual/docusaurus-writer';
import type { WriteSolutionOptions } from '@zmp-manual/docusaurus-writer';
import { checkBuild } from './build.checker';
import type { ExpectedPage } from './build.checker';
import { buildSite } from './docusaurus.runner';
import { SITE_DIR, freshSiteCopy } from './site.workspace';
import { loadSolution } from './solution.source';

const HTML_FEATURES = {
  'KaTeX math': 'class="katex"',
  'a :::tip admonition': 'theme-admonition-tip',
  '<details>': '<details',
  'a GFM table': '<table>',
  'an inline table of contents': 'tableOfContentsInline',
  'a Markdown image': '<img',
};

function fail(message: string): never {
  console.error(`e2e: FAILED: ${message}`);
  process.exit(1);
}

function titleIn(mdx: string): string {
  const line = /^title: (.*)$/m.exec(mdx);
  if (!line) fail('a translation has no title');
  return line[1].startsWith('"') ? (JSON.parse(line[1]) as string) : line[1];
}

async function main(): Promise<void> {
  const input = await loadSolution();
  const site = await freshSiteCopy();
  const options: WriteSolutionOptions = { root: site, layout: 'single', ...input };

  const first = await writeSolution(options);
  console.log(`e2e: wrote ${first.created.length} files into ${site}`);
  const second = await writeSolution(options);
  if (second.created.length + second.changed.length + second.removed.length > 0) {
    fail(`a second write of the same input changed files: ${JSON.stringify(second)}`);
  }

  const { default: siteConfig } = (await import(join(site, 'docusaurus.config.mjs'))) as { default: { i18n: unknown } };
  if (!isDeepStrictEqual(siteConfig.i18n, localeConfig(input.languages).config)) {
    fail(`the site's i18n config is not localeConfig(${JSON.stringify(input.languages)}):\n${localeConfig(input.languages).text}`);
  }

  const ms = await buildSite(site, SITE_DIR);
  console.log(`e2e: docusaurus build (${['en', ...input.languages].join(', ')}) took ${(ms / 1000).toFixed(1)} s`);

  const labels = (language: string): Record<string, { message: string }> =>
    JSON.parse(readFileSync(join(site, 'i18n', language, 'docusaurus-plugin-content-docs', 'current.json'), 'utf8')) as Record<
      string,
      { message: string }
    >;
  const pages: ExpectedPage[] = input.documents.map((document) => {
    const titles: Record<string, string> = { en: document.title };
    const categoryLabels: Record<string, string> = {};
    const dir = document.relativePath.replace(/\/?index\.mdx?$/, '');
    for (const language of input.languages) {
      const translation = input.translations.find((t) => t.language === language && t.pageId === document.pageId);
      titles[language] = translation ? titleIn(translation.mdx) : document.title;
      const key = `sidebar.${input.solution}.category.${input.solution}/${dir}`;
      const label = labels(language)[key];
      if (document.isDirectory && dir !== '' && label) categoryLabels[language] = label.message;
    }
    return { document, titles, categoryLabels };
  });
  const { problems, pagesChecked, linksChecked } = checkBuild({
    buildDir: join(site, 'build'),
    solution: input.solution,
    locales: ['en', ...input.languages],
    rtl: ['ar', 'he', 'fa', 'ur'],
    pages,
    assetFiles: input.assets.map((asset) => asset.fileName),
    htmlFeatures: HTML_FEATURES,
  });
  if (problems.length > 0) fail(`the built site is wrong:\n- ${problems.join('\n- ')}`);
  console.log(`e2e: OK: ${pagesChecked} pages in ${input.languages.length + 1} locales, ${linksChecked} internal links resolved`);
}

main().catch((error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
