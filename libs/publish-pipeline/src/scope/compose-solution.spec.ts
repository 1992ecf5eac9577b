import { composeSolution } from './compose-solution';
import { computeScope } from './publish-scope';
import { exportOf, ID, siteDoc, siteOf, TREE } from '../../test/support/scope-fixtures';

const sitePagesOf = (site: ReturnType<typeof siteOf>) => new Map(site.documents.map((d) => [d.pageId, d.relativePath]));
const compose = (site: ReturnType<typeof siteOf>, pageId: string, isDirectory: boolean, exported = exportOf(TREE)) =>
  composeSolution(exported, site, computeScope({ tree: exported.tree, solution: 'zcp', pageId, isDirectory, sitePages: sitePagesOf(site) }));
const summary = (composition: ReturnType<typeof compose>) => composition.documents.map((d) => `${d.relativePath}: ${d.mdx.trim()}`).sort();

describe('composeSolution', () => {
  const site = siteOf(
    [siteDoc(ID.root, 'index.mdx'), siteDoc(ID.guide, 'guide/index.mdx'), siteDoc(ID.install, 'guide/install.mdx'), siteDoc(ID.faq, 'faq.mdx'), siteDoc(ID.gone, 'guide/gone.mdx')],
    {
      translations: [
        { language: 'ko', pageId: ID.faq, mdx: 'ko faq' },
        { language: 'ko', pageId: ID.install, mdx: 'ko install' },
      ],
      assets: [
        { fileName: 'aaaa.png', sha256: 'a'.repeat(64) },
        { fileName: 'bbbb.png', sha256: 'b'.repeat(64) },
      ],
    },
  );

  it('replaces the page in scope and keeps every other page with its bytes and translations', () => {
    const composition = compose(site, ID.install, false);
    expect(summary(composition)).toEqual(['faq.mdx: old faq.mdx', 'guide/gone.mdx: old guide/gone.mdx', 'guide/index.mdx: old guide/index.mdx', 'guide/install.mdx: new guide/install.mdx', 'index.mdx: old index.mdx']);
    expect(composition.inScope.map((d) => d.pageId)).toEqual([ID.install]);
    expect(composition.keptTranslations).toEqual([{ language: 'ko', pageId: ID.faq, mdx: 'ko faq' }]);
    expect(composition.removed).toEqual([]);
  });

  it('removes a page that left Notion inside the published directory', () => {
    const composition = compose(site, ID.guide, true);
    expect(summary(composition)).toEqual(['faq.mdx: old faq.mdx', 'guide/index.mdx: new guide/index.mdx', 'guide/install.mdx: new guide/install.mdx', 'guide/ports.mdx: new guide/ports.mdx', 'index.mdx: old index.mdx']);
    expect(composition.removed.map((d) => d.pageId)).toEqual([ID.gone]);
  });

  it('writes the whole export, and nothing of the site, for the root page', () => {
    const composition = compose(site, ID.root, true);
    expect(summary(composition)).toEqual(exportOf(TREE).documents.map((d) => `${d.relativePath}: new ${d.relativePath}`).sort());
    expect(composition.removed.map((d) => d.pageId)).toEqual([ID.gone]);
    expect(composition.keptTranslations).toEqual([]);
  });

  it('takes a kept page into scope when a page in scope now has its path (a slug freed by a rename)', () => {
    // faq was renamed in Notion (now help.mdx) and ports took the slug faq.mdx; the site still has faq at faq.mdx.
    const tree = TREE.map((n) => (n.id === ID.faq ? { ...n, relativePath: 'help.mdx' } : n.id === ID.ports ? { ...n, relativePath: 'FAQ.mdx', parentId: ID.root } : n));
    const composition = compose(site, ID.ports, false, exportOf(tree));
    expect(composition.inScope.map((d) => d.relativePath).sort()).toEqual(['FAQ.mdx', 'help.mdx']);
    expect(summary(composition)).not.toContain('faq.mdx: old faq.mdx');
  });

  it('passes the exported assets of pages in scope and the site assets kept pages still name', () => {
    const exported = exportOf(TREE, [
      { fileName: 'cccc.png', sha256: 'c'.repeat(64), contentType: 'image/png', sourceUrl: 'u1', pageIds: [ID.install], data: new Uint8Array([1]) },
      { fileName: 'dddd.png', sha256: 'd'.repeat(64), contentType: 'image/png', sourceUrl: 'u2', pageIds: [ID.ports] },
    ]);
    const withImages = { ...site, documents: site.documents.map((d) => (d.pageId === ID.faq ? { ...d, mdx: '![x](/img/zcp/aaaa.png)\n' } : d)) };
    const composition = compose(withImages, ID.install, false, exported);
    expect(composition.assets.map((a) => a.fileName)).toEqual(['aaaa.png', 'cccc.png']);
  });
});
