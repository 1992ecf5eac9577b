/**
 * How a solution maps onto a Docusaurus site.
 *
 * - `single`: one docs plugin (the classic preset's) holds every solution, each in its own folder:
 *   `docs/<solution>/…` and `i18n/<lang>/docusaurus-plugin-content-docs/current/<solution>/…`.
 * - `per-solution`: one docs plugin instance per solution, with `id: <solution>` and `path: docs/<solution>`
 *   (the original service's layout): `docs/<solution>/…` and
 *   `i18n/<lang>/docusaurus-plugin-content-docs-<solution>/current/…`.
 *
 * Assets go to `static/img/<solution>/<fileName>` in both, referenced as `/img/<solution>/<fileName>`, a
 * URL that works from every locale.
 */
export type SiteLayoutName = 'single' | 'per-solution';

export const SITE_LAYOUTS: readonly SiteLayoutName[] = ['single', 'per-solution'];

export interface SiteLayout {
  /** Source page: `docs/<solution>/<relativePath>`. */
  doc(relativePath: string): string;
  /** Translated page in a locale's docs folder. */
  localizedDoc(language: string, relativePath: string): string;
  /** The locale's sidebar translation file (category labels). */
  translationFile(language: string): string;
  /** An asset under `static/`. */
  asset(fileName: string): string;
}

/** Paths are POSIX and relative to the site root. */
export function siteLayout(layout: SiteLayoutName, solution: string): SiteLayout {
  const docs = `docs/${solution}`;
  const pluginFolder = layout === 'single' ? 'docusaurus-plugin-content-docs' : `docusaurus-plugin-content-docs-${solution}`;
  const localizedRoot = (language: string): string =>
    layout === 'single' ? `i18n/${language}/${pluginFolder}/current/${solution}` : `i18n/${language}/${pluginFolder}/current`;
  return {
    doc: (relativePath) => `${docs}/${relativePath}`,
    localizedDoc: (language, relativePath) => `${localizedRoot(language)}/${relativePath}`,
    translationFile: (language) => `i18n/${language}/${pluginFolder}/current.json`,
    asset: (fileName) => `static/img/${solution}/${fileName}`,
  };
}
