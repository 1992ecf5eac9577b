// @ts-check
// What both test-site configs share: every link check throws, and math renders with KaTeX whose stylesheet
// comes from node_modules (nothing is fetched from the network at build time).
import { createRequire } from 'node:module';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';

const require = createRequire(import.meta.url);

/** The stylesheet of the KaTeX copy rehype-katex renders with. */
export const katexCss = createRequire(require.resolve('rehype-katex')).resolve('katex/dist/katex.min.css');

/** remark/rehype plugins for a docs plugin instance: `$$ … $$` and `$x$` from the exporter. */
export const mathPlugins = { remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] };

/** @type {Pick<import('@docusaurus/types').Config, 'url' | 'baseUrl' | 'onBrokenLinks' | 'onBrokenAnchors' | 'onDuplicateRoutes' | 'markdown'>} */
export const strictSite = {
  url: 'http://localhost',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  markdown: {
    hooks: {
      onBrokenMarkdownLinks: 'throw',
      onBrokenMarkdownImages: 'throw',
    },
  },
};
