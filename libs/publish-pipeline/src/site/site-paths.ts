import { posix } from 'node:path';
import type { SiteLayoutName } from '@zmp-manual/docusaurus-writer';

/** What a path listed in the writer's manifest stands for. */
export type SitePath =
  | { kind: 'document'; relativePath: string }
  | { kind: 'category'; relativePath: string }
  | { kind: 'asset'; fileName: string }
  | { kind: 'translation'; language: string; relativePath: string }
  | { kind: 'other' };

const PAGE = /\.mdx?$/;

/** The locale folder of a solution's translated pages, as docusaurus-writer lays it out (README "Layouts"). */
function localizedRoot(layout: SiteLayoutName, solution: string, language: string): string {
  return layout === 'single'
    ? `i18n/${language}/docusaurus-plugin-content-docs/current/${solution}/`
    : `i18n/${language}/docusaurus-plugin-content-docs-${solution}/current/`;
}

/**
 * Classifies a path of the writer's manifest (POSIX, relative to the site root) for `solution` written in
 * `layout`: a page under `docs/<solution>/`, its `_category_.json`, an asset under `static/img/<solution>/`, a
 * translated page in a locale's docs folder, or something else.
 */
export function classifySitePath(path: string, solution: string, layout: SiteLayoutName): SitePath {
  const docs = `docs/${solution}/`;
  if (path.startsWith(docs)) {
    const relativePath = path.slice(docs.length);
    if (posix.basename(relativePath) === '_category_.json') return { kind: 'category', relativePath };
    return PAGE.test(relativePath) ? { kind: 'document', relativePath } : { kind: 'other' };
  }
  const assets = `static/img/${solution}/`;
  if (path.startsWith(assets)) {
    const fileName = path.slice(assets.length);
    return fileName.includes('/') ? { kind: 'other' } : { kind: 'asset', fileName };
  }
  const language = path.split('/')[1];
  if (path.startsWith('i18n/') && language) {
    const prefix = localizedRoot(layout, solution, language);
    const relativePath = path.slice(prefix.length);
    if (path.startsWith(prefix) && PAGE.test(relativePath)) return { kind: 'translation', language, relativePath };
  }
  return { kind: 'other' };
}
