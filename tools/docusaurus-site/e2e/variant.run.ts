import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { localeConfig, writeSolution } from '@zmp-manual/docusaurus-writer';
import type { WriteSolutionOptions } from '@zmp-manual/docusaurus-writer';
import { checkBuild } from './build.checker';
import type { ExpectedPage } from './build.checker';
import { buildSite } from './docusaurus.runner';
import type { SiteVariant } from './site.variant';
import { SITE_DIR, freshSiteCopy } from './site.workspace';
import type { SolutionInput } from './solution.source';

const HTML_FEATURES = {
  'KaTeX math': 'class="katex"',
  'a :::tip admonition': 'theme-admonition-tip',
  '<details>': '<details',
  'a GFM table': '<table>',
  'an inline table of contents': 'tableOfContentsInline',
  'a Markdown image': '<img',
};

const RTL = ['ar', 'he', 'fa', 'ur'];

/** A failed step of the e2e; `main` prints it and exits non-zero. */
export class E2eFailure extends Error {}

export interface VariantResult {
  buildMs: number;
  locales: string[];
  pagesChecked: number;
  linksChecked: number;
}

function titleIn(mdx: string): string {
  const line = /^title: (.*)$/m.exec(mdx);
  if (!line) throw new E2eFailure('a translation has no title');
  return line[1].startsWith('"') ? (JSON.parse(line[1]) as string) : line[1];
}

/** What each page must show in each built locale: its (translated) title and, for folders, the category label. */
function expectedPages(site: string, input: SolutionInput, variant: SiteVariant, languages: string[]): ExpectedPage[] {
  const labels = new Map(
    languages.map((language) => {
      const file = join(site, variant.translationFile(language, input.solution));
      return [language, JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message: string }>] as const;
    }),
  );
  return input.documents.map((document) => {
    const titles: Record<string, string> = { en: document.title };
    const categoryLabels: Record<string, string> = {};
    const dir = document.relativePath.replace(/\/?index\.mdx?$/, '');
    for (const language of languages) {
      const translation = input.translations.find((t) => t.language === language && t.pageId === document.pageId);
      titles[language] = translation ? titleIn(translation.mdx) : document.title;
      if (!document.isDirectory || dir === '' || !translation) continue;
      const key = `sidebar.${input.solution}.category.${input.solution}/${dir}`;
      const label = labels.get(language)?.[key];
      if (!label) throw new E2eFailure(`${variant.translationFile(language, input.solution)} has no ${key}`);
      categoryLabels[language] = label.message;
    }
    return { document, titles, categoryLabels };
  });
}

/**
 * Writes the solution into a fresh work copy of the variant's site (twice: the second write must change
 * nothing), checks the config's i18n section, builds every locale the config lists and checks the HTML.
 */
export async function runVariant(input: SolutionInput, variant: SiteVariant): Promise<VariantResult> {
  const site = await freshSiteCopy(variant);
  const options: WriteSolutionOptions = { root: site, layout: variant.layout, ...input };

  const first = await writeSolution(options);
  console.log(`e2e [${variant.layout}]: wrote ${first.created.length} files into ${site}`);
  const second = await writeSolution(options);
  if (second.created.length + second.changed.length + second.removed.length > 0) {
    throw new E2eFailure(`[${variant.layout}] a second write of the same input changed files: ${JSON.stringify(second)}`);
  }

  const languages = variant.builtLanguages(input.languages);
  const { default: siteConfig } = (await import(join(site, 'docusaurus.config.mjs'))) as { default: { i18n: unknown } };
  if (!isDeepStrictEqual(siteConfig.i18n, localeConfig(languages).config)) {
    throw new E2eFailure(`[${variant.layout}] the site's i18n config is not localeConfig(${JSON.stringify(languages)}):\n${localeConfig(languages).text}`);
  }

  const locales = ['en', ...languages];
  const buildMs = await buildSite(site, SITE_DIR);
  console.log(`e2e [${variant.layout}]: docusaurus build (${locales.join(', ')}) took ${(buildMs / 1000).toFixed(1)} s`);

  const { problems, pagesChecked, linksChecked } = checkBuild({
    buildDir: join(site, 'build'),
    solution: input.solution,
    routeBase: variant.routeBase(input.solution),
    locales,
    rtl: RTL,
    pages: expectedPages(site, input, variant, languages),
    assetFiles: input.assets.map((asset) => asset.fileName),
    htmlFeatures: HTML_FEATURES,
  });
  if (problems.length > 0) throw new E2eFailure(`[${variant.layout}] the built site is wrong:\n- ${problems.join('\n- ')}`);
  console.log(`e2e [${variant.layout}]: OK: ${pagesChecked} pages in ${locales.length} locales, ${linksChecked} internal links resolved`);
  return { buildMs, locales, pagesChecked, linksChecked };
}
