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
  /** The inverse of `localizedDoc`: the language and relativePath of a translated page's path, else undefined. */
  parseLocalizedDoc(path: string): { language: string; relativePath: string } | undefined;
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
    parseLocalizedDoc: (path) => {
      const language = path.split('/')[1];
      if (!path.startsWith('i18n/') || !language) return undefined;
      const prefix = `${localizedRoot(language)}/`;
      return path.startsWith(prefix) && path.length > prefix.length ? { language, relativePath: path.slice(prefix.length) } : undefined;
    },
    translationFile: (language) => `i18n/${language}/${pluginFolder}/current.json`,
    asset: (fileName) => `static/img/${solution}/${fileName}`,
  };
}

/**
 * True when `path` is one a writer of `solution` may own in either layout: under `docs/<solution>/`,
 * `static/img/<solution>/` or a locale's docs folder for the solution. A manifest listing anything else (another
 * solution's pages, the site's own files) is refused rather than trusted.
 */
export function isSolutionPath(solution: string, path: string): boolean {
  if (path.startsWith(`docs/${solution}/`) || path.startsWith(`static/img/${solution}/`)) return true;
  return SITE_LAYOUTS.some((layout) => siteLayout(layout, solution).parseLocalizedDoc(path) !== undefined);
}

/** True when `path` is a locale `current.json` a writer of `solution` shares in either layout. */
export function isSolutionTranslationFile(solution: string, path: string): boolean {
  const language = path.split('/')[1];
  return language !== undefined && SITE_LAYOUTS.some((layout) => siteLayout(layout, solution).translationFile(language) === path);
}
