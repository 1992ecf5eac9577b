// @ts-check
// A minimal Docusaurus 3 site for @zmp-manual/docusaurus-writer's `single` layout with the solution `zcp`:
// docs/zcp/… and i18n/<lang>/docusaurus-plugin-content-docs/current/zcp/…, built in en, ko, ja and ar.
// Every link check throws, and nothing is fetched from the network at build time (no Algolia, no web fonts,
// KaTeX's stylesheet comes from node_modules).
import { katexCss, mathPlugins, strictSite } from './site.shared.mjs';

/** @type {import('@docusaurus/types').Config} */
const config = {
  title: 'zmp-manual test site',
  ...strictSite,
  // What `localeConfig(['ko', 'ja', 'ar'])` from @zmp-manual/docusaurus-writer prints (the e2e checks it).
  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'ko', 'ja', 'ar'],
    localeConfigs: {
      en: { label: 'English', direction: 'ltr', htmlLang: 'en' },
      ko: { label: '한국어', direction: 'ltr', htmlLang: 'ko' },
      ja: { label: '日本語', direction: 'ltr', htmlLang: 'ja' },
      ar: { label: 'العربية', direction: 'rtl', htmlLang: 'ar' },
    },
  },
  presets: [
    [
      'classic',
      /** @type {import('@docusaurus/preset-classic').Options} */
      ({
        docs: {
          path: 'docs',
          routeBasePath: 'docs',
          sidebarPath: './sidebars.mjs',
          ...mathPlugins,
        },
        blog: false,
        theme: { customCss: [katexCss] },
      }),
    ],
  ],
  themeConfig: {
    navbar: {
      title: 'zmp-manual',
      items: [
        { type: 'docSidebar', sidebarId: 'zcp', label: 'ZCP', position: 'left' },
        { type: 'localeDropdown', position: 'right' },
      ],
    },
  },
};

export default config;
