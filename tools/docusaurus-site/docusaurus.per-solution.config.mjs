// @ts-check
// The same site for @zmp-manual/docusaurus-writer's `per-solution` layout (the original service's, which
// existing customer sites use): one docs plugin instance per solution, here `zcp`, reading docs/zcp/… and
// i18n/<lang>/docusaurus-plugin-content-docs-zcp/current/…, served at /zcp/…. The classic preset's own docs
// instance is off (it would read docs/zcp a second time). The e2e copies this file into its work copy as
// docusaurus.config.mjs and builds it in en and ar only (ko and ja are written but not built, to save CI
// time). Every link check throws, nothing is fetched from the network at build time.
import { katexCss, mathPlugins, strictSite } from './site.shared.mjs';

/** @type {import('@docusaurus/types').Config} */
const config = {
  title: 'zmp-manual test site (per-solution)',
  ...strictSite,
  // What `localeConfig(['ar'])` from @zmp-manual/docusaurus-writer prints (the e2e checks it).
  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'ar'],
    localeConfigs: {
      en: { label: 'English', direction: 'ltr', htmlLang: 'en' },
      ar: { label: 'العربية', direction: 'rtl', htmlLang: 'ar' },
    },
  },
  presets: [
    [
      'classic',
      /** @type {import('@docusaurus/preset-classic').Options} */
      ({
        docs: false,
        blog: false,
        theme: { customCss: [katexCss] },
      }),
    ],
  ],
  plugins: [
    [
      '@docusaurus/plugin-content-docs',
      /** @type {import('@docusaurus/plugin-content-docs').Options} */
      ({
        id: 'zcp',
        path: 'docs/zcp',
        routeBasePath: 'zcp',
        sidebarPath: './sidebars-zcp.mjs',
        ...mathPlugins,
      }),
    ],
    // For the e2e only: webpack names its persistent cache `<client|server>-production-<locale>` whatever the
    // site, so without a prefix this site and the `single` one would evict each other's cache on every run.
    () => ({
      name: 'e2e-webpack-cache-name',
      /** @param {import('webpack').Configuration} webpackConfig */
      configureWebpack(webpackConfig) {
        if (webpackConfig.cache && typeof webpackConfig.cache === 'object' && webpackConfig.cache.type === 'filesystem') {
          webpackConfig.cache.name = `per-solution-${webpackConfig.cache.name}`;
        }
        return {};
      },
    }),
  ],
  themeConfig: {
    navbar: {
      title: 'zmp-manual',
      items: [
        { type: 'docSidebar', docsPluginId: 'zcp', sidebarId: 'zcp', label: 'ZCP', position: 'left' },
        { type: 'localeDropdown', position: 'right' },
      ],
    },
  },
};

export default config;
