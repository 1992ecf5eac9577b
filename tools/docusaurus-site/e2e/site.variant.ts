import type { SiteLayoutName } from '@zmp-manual/docusaurus-writer';

/**
 * One Docusaurus set-up the e2e writes the solution into and builds: which of docusaurus-writer's layouts it
 * uses, which of this project's files make up its work copy, the locales it builds and where its pages and
 * translated category labels end up.
 */
export interface SiteVariant {
  layout: SiteLayoutName;
  /** The work copy's folder under `.e2e/`. */
  workDirName: string;
  /** Work copy path → path in this project, copied into every fresh work copy. */
  files: Record<string, string>;
  /** The locales the config lists besides `en`, hence the ones `docusaurus build` builds. */
  builtLanguages: (written: string[]) => string[];
  /** The route prefix of the solution's pages (no trailing slash). */
  routeBase: (solution: string) => string;
  /** The locale's `current.json`, relative to the site, that holds the translated category labels. */
  translationFile: (language: string, solution: string) => string;
}

/** One docs plugin for every solution: docs/<solution>/…, served at /docs/<solution>/…, built in every locale. */
export const SINGLE: SiteVariant = {
  layout: 'single',
  workDirName: 'site',
  files: {
    'docusaurus.config.mjs': 'docusaurus.config.mjs',
    'site.shared.mjs': 'site.shared.mjs',
    'sidebars.mjs': 'sidebars.mjs',
    'src/pages': 'src/pages',
  },
  builtLanguages: (written) => written,
  routeBase: (solution) => `/docs/${solution}`,
  translationFile: (language) => `i18n/${language}/docusaurus-plugin-content-docs/current.json`,
};

/**
 * One docs plugin instance per solution (id = path segment = route = solution): docs/<solution>/…, served at
 * /<solution>/…. Built in en and ar only, to keep CI time down (ko and ja are written all the same).
 */
export const PER_SOLUTION: SiteVariant = {
  layout: 'per-solution',
  workDirName: 'site-per-solution',
  files: {
    'docusaurus.config.mjs': 'docusaurus.per-solution.config.mjs',
    'site.shared.mjs': 'site.shared.mjs',
    'sidebars-zcp.mjs': 'sidebars-zcp.mjs',
    'src/pages': 'src/pages-per-solution',
  },
  builtLanguages: (written) => written.filter((language) => language === 'ar'),
  routeBase: (solution) => `/${solution}`,
  translationFile: (language, solution) => `i18n/${language}/docusaurus-plugin-content-docs-${solution}/current.json`,
};
