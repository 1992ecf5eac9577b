import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WriterFs } from '../src';
import { readManifest, writeSolution, WriterError } from '../src';
import { nodeWriterFs } from '../src/writer-fs';
import { asset, listFiles, listFolders, page, readText, removeSite, sampleSolution, tempSite, translated } from './site.fixtures';

describe('writeSolution manifest: removing what vanished, and only that', () => {
  let root: string;
  beforeEach(async () => {
    root = await tempSite();
  });
  afterEach(() => removeSite(root));

  const all = sampleSolution();
  const languages = ['ko', 'ja'];
  const translationsOf = (documents: typeof all) => documents.flatMap((d) => languages.map((lang) => translated(d, lang)));

  it('removes a vanished page in docs and every locale, keeps foreign files, removes folders left empty', async () => {
    await writeSolution({ root, solution: 'zcp', documents: all, translations: translationsOf(all), languages });
    await writeFile(join(root, 'docs/zcp/guide/notes.md'), 'written by a person\n');
    await mkdir(join(root, 'i18n/ko/docusaurus-plugin-content-docs/current/zcp/guide/advanced/extra'), { recursive: true });
    await writeFile(join(root, 'i18n/ko/docusaurus-plugin-content-docs/current/zcp/guide/advanced/extra/keep.txt'), 'mine\n');

    // "Advanced" and its page vanish from Notion.
    const remaining = all.filter((d) => !d.relativePath.startsWith('guide/advanced/'));
    const result = await writeSolution({ root, solution: 'zcp', documents: remaining, translations: translationsOf(remaining), languages });

    expect(result.removed).toEqual([
      'docs/zcp/guide/advanced/_category_.json',
      'docs/zcp/guide/advanced/index.mdx',
      'docs/zcp/guide/advanced/tuning.mdx',
      'i18n/ja/docusaurus-plugin-content-docs/current/zcp/guide/advanced/index.mdx',
      'i18n/ja/docusaurus-plugin-content-docs/current/zcp/guide/advanced/tuning.mdx',
      'i18n/ko/docusaurus-plugin-content-docs/current/zcp/guide/advanced/index.mdx',
      'i18n/ko/docusaurus-plugin-content-docs/current/zcp/guide/advanced/tuning.mdx',
    ]);
    expect(result.changed).toEqual([
      '.zmp-manual/zcp.manifest.json',
      'i18n/ja/docusaurus-plugin-content-docs/current.json',
      'i18n/ko/docusaurus-plugin-content-docs/current.json',
    ]);
    expect(result.created).toEqual([]);
    const files = await listFiles(root);
    expect(files.filter((f) => f.includes('advanced/'))).toEqual(['i18n/ko/docusaurus-plugin-content-docs/current/zcp/guide/advanced/extra/keep.txt']);
    expect(await readText(root, 'docs/zcp/guide/notes.md')).toBe('written by a person\n');
    const folders = await listFolders(root);
    expect(folders).not.toContain('docs/zcp/guide/advanced');
    expect(folders).not.toContain('i18n/ja/docusaurus-plugin-content-docs/current/zcp/guide/advanced');
    expect(folders).toContain('i18n/ko/docusaurus-plugin-content-docs/current/zcp/guide/advanced/extra');
    expect(Object.keys(JSON.parse(await readText(root, 'i18n/ko/docusaurus-plugin-content-docs/current.json')))).toEqual([
      'sidebar.zcp.category.zcp',
      'sidebar.zcp.category.zcp/guide',
    ]);
  });

  it('moves a page that became a directory: x.mdx is removed, x/index.mdx written', async () => {
    await writeSolution({ root, solution: 'zcp', documents: [page('index.mdx', 'Root'), page('faq.mdx', 'FAQ')] });
    const result = await writeSolution({
      root,
      solution: 'zcp',
      documents: [page('index.mdx', 'Root'), { ...page('faq/index.mdx', 'FAQ'), pageId: 'page-faq.mdx' }, page('faq/billing.mdx', 'Billing')],
    });
    expect(result.removed).toEqual(['docs/zcp/faq.mdx']);
    expect(result.created).toEqual(['docs/zcp/faq/_category_.json', 'docs/zcp/faq/billing.mdx', 'docs/zcp/faq/index.mdx']);
  });

  it('removes an asset no longer referenced, keeps one passed without data, refuses one it cannot produce', async () => {
    const kept = asset('kept image');
    const dropped = asset('dropped image');
    await writeSolution({ root, solution: 'zcp', documents: all, assets: [kept, dropped] });

    const { data: _data, ...keptWithoutData } = kept;
    const result = await writeSolution({ root, solution: 'zcp', documents: all, assets: [keptWithoutData] });
    expect(result.removed).toEqual([`static/img/zcp/${dropped.fileName}`]);
    expect(result.unchanged).toContain(`static/img/zcp/${kept.fileName}`);
    expect(await readFile(join(root, 'static/img/zcp', kept.fileName), 'utf8')).toBe('kept image');
    expect((await readManifest({ root, solution: 'zcp' }))?.files[`static/img/zcp/${kept.fileName}`]).toBe(kept.sha256);

    const { data: _gone, ...neverWritten } = asset('never written');
    const before = await listFiles(root);
    await expect(writeSolution({ root, solution: 'zcp', documents: [], assets: [neverWritten] })).rejects.toMatchObject({ code: 'asset_missing' });
    expect(await listFiles(root)).toEqual(before);
  });

  it('keeps the translations of a language this run does not write, except those of pages that vanished', async () => {
    await writeSolution({ root, solution: 'zcp', documents: all, translations: translationsOf(all), languages });
    const currentJa = 'i18n/ja/docusaurus-plugin-content-docs/current.json';
    const jaBefore = await readText(root, 'i18n/ja/docusaurus-plugin-content-docs/current/zcp/guide/install.mdx');

    // A publish into ko alone, after "Advanced" and its page vanished from Notion.
    const remaining = all.filter((d) => !d.relativePath.startsWith('guide/advanced/'));
    const result = await writeSolution({ root, solution: 'zcp', documents: remaining, translations: remaining.map((d) => translated(d, 'ko')) });

    const ja = 'i18n/ja/docusaurus-plugin-content-docs/current/zcp';
    expect(result.removed.filter((f) => f.startsWith('i18n/ja/'))).toEqual([`${ja}/guide/advanced/index.mdx`, `${ja}/guide/advanced/tuning.mdx`]);
    expect((await listFiles(root)).filter((f) => f.startsWith(`${ja}/`))).toEqual(remaining.map((d) => `${ja}/${d.relativePath}`).sort());
    expect(await readText(root, `${ja}/guide/install.mdx`)).toBe(jaBefore);
    expect(result.unchanged).toContain(`${ja}/guide/install.mdx`);
    expect(Object.keys(JSON.parse(await readText(root, currentJa)))).toEqual(['sidebar.zcp.category.zcp', 'sidebar.zcp.category.zcp/guide']);
    expect(result.manifest.translationKeys[currentJa]).toEqual(['sidebar.zcp.category.zcp', 'sidebar.zcp.category.zcp/guide']);

    // The next run with the same input changes nothing: the kept files stay owned.
    const again = await writeSolution({ root, solution: 'zcp', documents: remaining, translations: remaining.map((d) => translated(d, 'ko')) });
    expect([...again.created, ...again.changed, ...again.removed]).toEqual([]);
  });

  it('drops a kept translation whose page changed its id (it would break that locale), keeping the others', async () => {
    await writeSolution({ root, solution: 'zcp', documents: all, translations: translationsOf(all), languages });
    const renamed = all.map((d) => (d.relativePath === 'guide/install.mdx' ? { ...d, frontMatter: { ...d.frontMatter, id: 'setup' } } : d));
    const result = await writeSolution({ root, solution: 'zcp', documents: renamed, translations: [], languages: [] });
    expect(result.removed).toEqual([
      'i18n/ja/docusaurus-plugin-content-docs/current/zcp/guide/install.mdx',
      'i18n/ko/docusaurus-plugin-content-docs/current/zcp/guide/install.mdx',
    ]);
  });

  it('removeLanguages removes a language: its pages and its category labels go, other keys in current.json stay', async () => {
    await writeSolution({ root, solution: 'zcp', documents: all, translations: translationsOf(all), languages });
    const currentJa = 'i18n/ja/docusaurus-plugin-content-docs/current.json';
    const existing = JSON.parse(await readText(root, currentJa)) as Record<string, unknown>;
    await writeFile(join(root, currentJa), JSON.stringify({ 'version.label': { message: 'Next' }, ...existing }, null, 2));

    const koOnly = all.map((d) => translated(d, 'ko'));
    const result = await writeSolution({ root, solution: 'zcp', documents: all, translations: koOnly, removeLanguages: ['ja'] });

    expect(result.removed.filter((f) => f.startsWith('i18n/ja/'))).toHaveLength(all.length);
    expect(result.changed).toContain(currentJa);
    expect(JSON.parse(await readText(root, currentJa))).toEqual({ 'version.label': { message: 'Next' } });
    expect((await listFolders(root)).filter((f) => f.startsWith('i18n/ja'))).toEqual(['i18n/ja', 'i18n/ja/docusaurus-plugin-content-docs']);
    expect(result.manifest.translationKeys[currentJa]).toBeUndefined();
  });

  it('removes a current.json that held only its own labels once they are gone', async () => {
    await writeSolution({ root, solution: 'zcp', documents: all, translations: translationsOf(all), languages });
    const result = await writeSolution({ root, solution: 'zcp', documents: all, removeLanguages: languages });
    expect(result.removed).toContain('i18n/ko/docusaurus-plugin-content-docs/current.json');
    expect((await listFiles(root)).filter((f) => f.startsWith('i18n/'))).toEqual([]);
  });

  it('switching layout removes the files of the old one, and moves the kept languages', async () => {
    await writeSolution({ root, solution: 'zcp', layout: 'single', documents: all, translations: translationsOf(all), languages });
    const jaLabels = await readText(root, 'i18n/ja/docusaurus-plugin-content-docs/current.json');
    // ko is written again, ja is kept: it must follow the pages into the new plugin folder.
    await writeSolution({ root, solution: 'zcp', layout: 'per-solution', documents: all, translations: all.map((d) => translated(d, 'ko')) });
    const i18n = (await listFiles(root)).filter((f) => f.startsWith('i18n/'));
    expect(i18n).toEqual(
      languages
        .flatMap((lang) => [
          `i18n/${lang}/docusaurus-plugin-content-docs-zcp/current.json`,
          ...all.map((d) => `i18n/${lang}/docusaurus-plugin-content-docs-zcp/current/${d.relativePath}`),
        ])
        .sort(),
    );
    expect(await readText(root, 'i18n/ja/docusaurus-plugin-content-docs-zcp/current.json')).toBe(jaLabels);
    expect(await readText(root, 'i18n/ja/docusaurus-plugin-content-docs-zcp/current/guide/index.mdx')).toBe(translated(all[1], 'ja').mdx);
  });

  it('after an interrupted run, the next run still removes the files the interrupted one wrote', async () => {
    await writeSolution({ root, solution: 'zcp', documents: all.slice(0, 1) });
    const controller = new AbortController();
    let renames = 0;
    const abortingFs: WriterFs = {
      ...nodeWriterFs,
      rename: async (from, to) => {
        await nodeWriterFs.rename(from, to);
        if (++renames === 3) controller.abort();
      },
    };
    await expect(
      writeSolution({ root, solution: 'zcp', documents: all, signal: controller.signal, fs: abortingFs }),
    ).rejects.toMatchObject({ code: 'aborted' });
    // The union manifest went first, then two new files, then the abort.
    const written = ['docs/zcp/guide/_category_.json', 'docs/zcp/guide/advanced/_category_.json'];
    expect((await listFiles(root)).filter((f) => f.startsWith('docs/'))).toEqual(['docs/zcp/_category_.json', ...written, 'docs/zcp/index.mdx']);

    const result = await writeSolution({ root, solution: 'zcp', documents: all.slice(0, 1) });
    expect(result.removed).toEqual(written);
    expect((await listFiles(root)).filter((f) => f.startsWith('docs/'))).toEqual(['docs/zcp/_category_.json', 'docs/zcp/index.mdx']);
  });

  it('refuses a manifest it does not understand, before writing anything', async () => {
    await mkdir(join(root, '.zmp-manual'));
    await writeFile(join(root, '.zmp-manual/zcp.manifest.json'), '{"version": 99}');
    const error = await writeSolution({ root, solution: 'zcp', documents: all }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriterError);
    expect((error as WriterError).code).toBe('invalid_manifest');
    expect(await listFiles(root)).toEqual(['.zmp-manual/zcp.manifest.json']);
  });
});
