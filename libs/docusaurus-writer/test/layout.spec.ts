import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeSolution } from '../src';
import { asset, listFiles, page, readText, removeSite, sampleSolution, tempSite, translated } from './site.fixtures';

describe('writeSolution layouts', () => {
  let root: string;
  beforeEach(async () => {
    root = await tempSite();
  });
  afterEach(() => removeSite(root));

  const documents = sampleSolution();
  const diagram = asset('png bytes');
  const translations = documents.flatMap((document) => [translated(document, 'ko'), translated(document, 'ar')]);

  it('single: docs/<solution>/…, i18n/<lang>/docusaurus-plugin-content-docs/current/<solution>/…, static/img/<solution>/…', async () => {
    const result = await writeSolution({ root, solution: 'zcp', layout: 'single', documents, assets: [diagram], translations, languages: ['ko', 'ar'] });

    const docs = ['_category_.json', 'guide/_category_.json', 'guide/advanced/_category_.json', 'guide/advanced/index.mdx',
      'guide/advanced/tuning.mdx', 'guide/configure.mdx', 'guide/index.mdx', 'guide/install.mdx', 'index.mdx'];
    const pages = documents.map((d) => d.relativePath);
    const expected = [
      '.zmp-manual/zcp.manifest.json',
      ...docs.map((p) => `docs/zcp/${p}`),
      ...['ar', 'ko'].flatMap((lang) => [
        `i18n/${lang}/docusaurus-plugin-content-docs/current.json`,
        ...pages.map((p) => `i18n/${lang}/docusaurus-plugin-content-docs/current/zcp/${p}`),
      ]),
      `static/img/zcp/${diagram.fileName}`,
    ].sort();
    expect(await listFiles(root)).toEqual(expected);
    expect(result.created).toEqual(expected);
    expect([...result.changed, ...result.removed, ...result.unchanged]).toEqual([]);

    expect(await readText(root, 'docs/zcp/guide/install.mdx')).toBe(documents[2].mdx);
    expect(await readText(root, 'i18n/ko/docusaurus-plugin-content-docs/current/zcp/guide/install.mdx')).toBe(translations[4].mdx);
    expect(new Uint8Array(await readFile(join(root, 'static/img/zcp', diagram.fileName)))).toEqual(diagram.data);
  });

  it('per-solution: i18n/<lang>/docusaurus-plugin-content-docs-<solution>/current/… without the solution folder', async () => {
    await writeSolution({ root, solution: 'zcp', layout: 'per-solution', documents, translations, languages: ['ko', 'ar'] });

    const files = await listFiles(root);
    expect(files.filter((f) => f.startsWith('i18n/ko/'))).toEqual(
      [
        'i18n/ko/docusaurus-plugin-content-docs-zcp/current.json',
        ...documents.map((d) => `i18n/ko/docusaurus-plugin-content-docs-zcp/current/${d.relativePath}`),
      ].sort(),
    );
    expect(files.filter((f) => f.startsWith('docs/'))).toContain('docs/zcp/guide/advanced/tuning.mdx');
    expect(files.some((f) => f.includes('docusaurus-plugin-content-docs/'))).toBe(false);
  });

  it('writes a _category_.json per directory: label, position, collapsed, a unique key and a link to its own page', async () => {
    await writeSolution({ root, solution: 'zcp', documents });

    expect(await readText(root, 'docs/zcp/guide/advanced/_category_.json')).toBe(
      `{
  "label": "Advanced",
  "position": 3,
  "collapsible": true,
  "collapsed": true,
  "key": "zcp/guide/advanced",
  "link": {
    "type": "doc",
    "id": "advanced"
  }
}
`,
    );
    expect(JSON.parse(await readText(root, 'docs/zcp/_category_.json'))).toMatchObject({ label: 'ZCP: the "Cloud Z" manual', key: 'zcp', link: { id: 'root' } });
  });

  it('links a category to `index` when its page has no front matter id', async () => {
    const bare = { ...page('guide/index.mdx', 'Guide'), frontMatter: { title: 'Guide' } };
    await writeSolution({ root, solution: 'zcp', documents: [bare] });
    expect(JSON.parse(await readText(root, 'docs/zcp/guide/_category_.json')).link).toEqual({ type: 'doc', id: 'index' });
  });

  it('puts translated category labels in the locale current.json under sidebar.<sidebarId>.category.<key>', async () => {
    await writeSolution({ root, solution: 'zcp', documents, translations, languages: ['ko', 'ar'], sidebarId: 'manual' });

    expect(JSON.parse(await readText(root, 'i18n/ko/docusaurus-plugin-content-docs/current.json'))).toEqual({
      'sidebar.manual.category.zcp': {
        message: 'ko: ZCP: the "Cloud Z" manual',
        description: `The label for category 'ZCP: the "Cloud Z" manual' in sidebar 'manual'`,
      },
      'sidebar.manual.category.zcp/guide': { message: 'ko: Guide', description: "The label for category 'Guide' in sidebar 'manual'" },
      'sidebar.manual.category.zcp/guide/advanced': {
        message: 'ko: Advanced',
        description: "The label for category 'Advanced' in sidebar 'manual'",
      },
    });
  });

  it('writes no locale file for a page without a translation (Docusaurus shows the source there)', async () => {
    const onlyRoot = [translated(documents[0], 'ko')];
    await writeSolution({ root, solution: 'zcp', documents, translations: onlyRoot });
    const ko = (await listFiles(root)).filter((f) => f.startsWith('i18n/ko/'));
    expect(ko).toEqual(['i18n/ko/docusaurus-plugin-content-docs/current.json', 'i18n/ko/docusaurus-plugin-content-docs/current/zcp/index.mdx']);
  });
});
