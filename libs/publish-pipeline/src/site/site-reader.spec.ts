import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSolution } from '@zmp-manual/docusaurus-writer';
import type { SiteLayoutName } from '@zmp-manual/docusaurus-writer';
import { readSite } from './site-reader';
import { classifySitePath } from './site-paths';

const ROOT_ID = '11111111-2222-4333-8444-555555555555';
const GUIDE_ID = '11111111-2222-4333-8444-666666666666';
const page = (relativePath: string, id: string, title: string, position: number, pageId?: string) => ({
  pageId: pageId ?? `page-${id}`,
  title,
  relativePath,
  isDirectory: relativePath.endsWith('index.mdx'),
  sidebarPosition: position,
  frontMatter: { id, title, sidebar_position: position },
  mdx: `---\nid: ${id}\ntitle: ${JSON.stringify(title)}\nsidebar_position: ${position}\n${pageId ? `notion_page_id: ${pageId}\n` : ''}---\n\nBody of ${title}: ![x](/img/zcp/0123456789abcdef.png)\n`,
});
const PNG = new Uint8Array([137, 80, 78, 71]);
const PNG_SHA = '0f4636c78f65d3639ece5a064b5ae753e3408614a14fb18ab4d7540d2c248543';

describe('readSite', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'site-reader-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('has nothing to say about a site the writer never wrote to', async () => {
    expect(await readSite({ root, solution: 'zcp' })).toEqual({ manifest: undefined, documents: [], assets: [], translations: [], languages: [] });
  });

  it.each<SiteLayoutName>(['single', 'per-solution'])('reads back what writeSolution wrote in the %s layout', async (layout) => {
    const documents = [page('index.mdx', 'zcp', 'ZCP', 0, ROOT_ID), page('guide/index.mdx', 'guide', 'Guide', 1, GUIDE_ID), page('guide/faq.mdx', 'faq', 'FAQ: "quoted"', 2)];
    const translations = [
      { language: 'ko', pageId: GUIDE_ID, mdx: '---\nid: guide\ntitle: 가이드\nsidebar_position: 1\n---\n\n가이드\n' },
      { language: 'pt-BR', pageId: 'page-faq', mdx: '---\nid: faq\ntitle: Perguntas\nsidebar_position: 2\n---\n\nPerguntas\n' },
    ];
    const assets = [{ fileName: '0123456789abcdef.png', sha256: PNG_SHA, data: PNG }];
    await writeSolution({ root, solution: 'zcp', layout, documents, translations, assets });

    const site = await readSite({ root, solution: 'zcp' });
    expect(site.manifest?.layout).toBe(layout);
    expect(site.documents).toEqual([
      { pageId: 'site:guide/faq.mdx', title: 'FAQ: "quoted"', relativePath: 'guide/faq.mdx', isDirectory: false, sidebarPosition: 2, frontMatter: { id: 'faq', title: 'FAQ: "quoted"', sidebar_position: 2 }, mdx: documents[2].mdx },
      expect.objectContaining({ pageId: GUIDE_ID, title: 'Guide', relativePath: 'guide/index.mdx', isDirectory: true, sidebarPosition: 1, mdx: documents[1].mdx }),
      expect.objectContaining({ pageId: ROOT_ID, title: 'ZCP', relativePath: 'index.mdx', isDirectory: true, sidebarPosition: 0 }),
    ]);
    expect(site.translations).toEqual([
      { language: 'ko', pageId: GUIDE_ID, mdx: translations[0].mdx },
      { language: 'pt-BR', pageId: 'site:guide/faq.mdx', mdx: translations[1].mdx },
    ]);
    expect(site.languages).toEqual(['ko', 'pt-BR']);
    expect(site.assets).toEqual([{ fileName: '0123456789abcdef.png', sha256: PNG_SHA }]);

    // What it read, written back as it is, changes nothing.
    const again = await writeSolution({ root, solution: 'zcp', layout, documents: site.documents, translations: site.translations, assets: site.assets });
    expect({ created: again.created, changed: again.changed, removed: again.removed }).toEqual({ created: [], changed: [], removed: [] });
  });

  it('skips a listed file that is gone and gives a second file claiming a page its own id', async () => {
    await writeSolution({ root, solution: 'zcp', documents: [page('index.mdx', 'zcp', 'ZCP', 0, ROOT_ID), page('a.mdx', 'a', 'A', 1, GUIDE_ID), page('b.mdx', 'b', 'B', 2, 'page-b')] });
    await writeFile(join(root, 'docs/zcp/b.mdx'), page('b.mdx', 'b', 'B', 2, GUIDE_ID).mdx);
    await unlink(join(root, 'docs/zcp/index.mdx'));
    const site = await readSite({ root, solution: 'zcp' });
    expect(site.documents.map((d) => [d.relativePath, d.pageId])).toEqual([
      ['a.mdx', GUIDE_ID],
      ['b.mdx', 'site:b.mdx'],
    ]);
  });
});

describe('classifySitePath', () => {
  it('tells pages, categories, assets and translations apart in both layouts', () => {
    expect(classifySitePath('docs/zcp/a/index.mdx', 'zcp', 'single')).toEqual({ kind: 'document', relativePath: 'a/index.mdx' });
    expect(classifySitePath('docs/zcp/a/_category_.json', 'zcp', 'single')).toEqual({ kind: 'category', relativePath: 'a/_category_.json' });
    expect(classifySitePath('static/img/zcp/x.png', 'zcp', 'single')).toEqual({ kind: 'asset', fileName: 'x.png' });
    expect(classifySitePath('i18n/ko/docusaurus-plugin-content-docs/current/zcp/a.mdx', 'zcp', 'single')).toEqual({ kind: 'translation', language: 'ko', relativePath: 'a.mdx' });
    expect(classifySitePath('i18n/ko/docusaurus-plugin-content-docs-zcp/current/a.mdx', 'zcp', 'per-solution')).toEqual({ kind: 'translation', language: 'ko', relativePath: 'a.mdx' });
    expect(classifySitePath('i18n/ko/docusaurus-plugin-content-docs-zcp/current/a.mdx', 'zcp', 'single')).toEqual({ kind: 'other' });
    expect(classifySitePath('docs/apim/a.mdx', 'zcp', 'single')).toEqual({ kind: 'other' });
  });
});
