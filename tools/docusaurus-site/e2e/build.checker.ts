import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { ExportedDocument } from '@zmp-manual/docusaurus-writer';

export interface ExpectedPage {
  document: ExportedDocument;
  /** Title per locale (`en` = the source title). */
  titles: Record<string, string>;
  /** The translated category label per locale, for directory pages that have one. */
  categoryLabels: Record<string, string>;
}

export interface BuildExpectations {
  buildDir: string;
  solution: string;
  /** The route prefix of the solution's pages, e.g. `/docs/zcp` (`single`) or `/zcp` (`per-solution`). */
  routeBase: string;
  locales: string[];
  rtl: string[];
  pages: ExpectedPage[];
  assetFiles: string[];
  /** HTML fragments that must appear somewhere in every locale's build. */
  htmlFeatures: Record<string, string>;
}

/** React's text escaping, so a title can be found in the rendered HTML. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
}

/** The route of a doc under `routeBase`, as Docusaurus computes it without number prefixes. */
export function routeOf(routeBase: string, document: ExportedDocument): string {
  const folder = posix.dirname(document.relativePath);
  const dir = folder === '.' ? '' : `${folder}/`;
  if (document.isDirectory) return `${routeBase}/${dir}`;
  const { id } = document.frontMatter as { id?: unknown };
  const name = typeof id === 'string' ? id : posix.parse(document.relativePath).name;
  return `${routeBase}/${dir}${name}`;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

function fileForUrl(buildDir: string, urlPath: string): string | undefined {
  const decoded = decodeURIComponent(urlPath);
  const candidates = [join(buildDir, decoded), join(buildDir, decoded, 'index.html'), join(buildDir, `${decoded}.html`)];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/** Checks the built site; returns the list of problems (empty when everything holds) and what was checked. */
export function checkBuild(expect: BuildExpectations): { problems: string[]; pagesChecked: number; linksChecked: number } {
  const problems: string[] = [];
  let pagesChecked = 0;
  for (const locale of expect.locales) {
    const prefix = locale === expect.locales[0] ? '' : `/${locale}`;
    const direction = expect.rtl.includes(locale) ? 'rtl' : 'ltr';
    const localeHtml: string[] = [];
    for (const page of expect.pages) {
      const url = `${prefix}${routeOf(expect.routeBase, page.document)}`;
      const file = fileForUrl(expect.buildDir, url);
      if (!file) {
        problems.push(`${locale}: no HTML for ${url}`);
        continue;
      }
      const html = readFileSync(file, 'utf8');
      localeHtml.push(html);
      pagesChecked += 1;
      if (!html.includes(`<html lang="${locale}" dir="${direction}"`)) problems.push(`${locale}: ${url} is not lang=${locale} dir=${direction}`);
      const title = page.titles[locale];
      if (!html.includes(`>${escapeHtml(title)}</h1>`)) problems.push(`${locale}: ${url} has no <h1> ${JSON.stringify(title)}`);
      const label = page.categoryLabels[locale];
      if (label !== undefined && !html.includes(`>${escapeHtml(label)}</`)) {
        problems.push(`${locale}: ${url} does not show the category label ${JSON.stringify(label)} in its sidebar`);
      }
    }
    const all = localeHtml.join('\n');
    for (const [feature, fragment] of Object.entries(expect.htmlFeatures)) {
      if (!all.includes(fragment)) problems.push(`${locale}: no page renders ${feature} (${fragment})`);
    }
  }
  for (const asset of expect.assetFiles) {
    if (!existsSync(join(expect.buildDir, 'img', expect.solution, asset))) problems.push(`the asset /img/${expect.solution}/${asset} is missing`);
  }
  const linksChecked = checkLinks(expect.buildDir, problems);
  return { problems, pagesChecked, linksChecked };
}

/** Every root-relative href/src in every page resolves to a built file, and every #fragment to an id there. */
function checkLinks(buildDir: string, problems: string[]): number {
  let checked = 0;
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let set = ids.get(file);
    if (!set) {
      set = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
      ids.set(file, set);
    }
    return set;
  };
  for (const file of htmlFiles(buildDir)) {
    const html = readFileSync(file, 'utf8');
    for (const match of html.matchAll(/\s(?:href|src)="(\/(?!\/)[^"]*)"/g)) {
      const [pathAndQuery, fragment] = match[1].replace(/&amp;/g, '&').split('#');
      const target = fileForUrl(buildDir, pathAndQuery.split('?')[0]);
      checked += 1;
      if (!target) {
        problems.push(`${posix.normalize(file.slice(buildDir.length))}: broken link ${match[1]}`);
      } else if (fragment && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(fragment))) {
        problems.push(`${posix.normalize(file.slice(buildDir.length))}: no id "${fragment}" in ${match[1]}`);
      }
    }
  }
  return checked;
}
