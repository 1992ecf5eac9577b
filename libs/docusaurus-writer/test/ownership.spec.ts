import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeSolution } from '../src';
import { asset, listFiles, page, readText, removeSite, sampleSolution, tempSite, translated } from './site.fixtures';

/** Files the writer never wrote: a person's page, another solution's pages, junk of an interrupted run. */
describe('writeSolution and files it did not write', () => {
  let root: string;
  beforeEach(async () => {
    root = await tempSite();
  });
  afterEach(() => removeSite(root));

  const all = sampleSolution();
  const put = async (path: string, text: string): Promise<void> => {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  };

  it('refuses to overwrite a hand-written file at an output path, before writing anything', async () => {
    await put('docs/zcp/guide/install.mdx', 'written by a person\n');
    await expect(writeSolution({ root, solution: 'zcp', documents: all })).rejects.toMatchObject({
      code: 'foreign_file',
      path: 'docs/zcp/guide/install.mdx',
    });
    expect(await listFiles(root)).toEqual(['docs/zcp/guide/install.mdx']);
    expect(await readText(root, 'docs/zcp/guide/install.mdx')).toBe('written by a person\n');
  });

  it('refuses a foreign asset with other bytes, and a foreign translation', async () => {
    const image = asset('png bytes');
    await put(`static/img/zcp/${image.fileName}`, 'other bytes');
    await expect(writeSolution({ root, solution: 'zcp', documents: all, assets: [image] })).rejects.toMatchObject({ code: 'foreign_file' });
    await put('i18n/ko/docusaurus-plugin-content-docs/current/zcp/index.mdx', 'a person translated this\n');
    await expect(writeSolution({ root, solution: 'zcp', documents: all, translations: [translated(all[0], 'ko')] })).rejects.toMatchObject({
      code: 'foreign_file',
      path: 'i18n/ko/docusaurus-plugin-content-docs/current/zcp/index.mdx',
    });
  });

  it('adopts a foreign file with the same bytes (a lost manifest), and then owns it', async () => {
    await writeSolution({ root, solution: 'zcp', documents: all });
    await unlink(join(root, '.zmp-manual/zcp.manifest.json'));

    const result = await writeSolution({ root, solution: 'zcp', documents: all });
    expect(result.created).toEqual(['.zmp-manual/zcp.manifest.json']);
    expect(Object.keys(result.manifest.files)).toHaveLength(all.length + 3);
    const fewer = await writeSolution({ root, solution: 'zcp', documents: all.slice(0, 2) });
    expect(fewer.removed).toHaveLength(all.length - 2 + 1);
  });

  it('replaceForeignFiles: true overwrites a foreign file and owns it from then on', async () => {
    await put('docs/zcp/guide/install.mdx', 'written by the old service\n');
    const result = await writeSolution({ root, solution: 'zcp', documents: all, replaceForeignFiles: true });
    expect(result.changed).toEqual(['docs/zcp/guide/install.mdx']);
    expect(await readText(root, 'docs/zcp/guide/install.mdx')).toBe(all[2].mdx);
    expect(result.manifest.files['docs/zcp/guide/install.mdx']).toBeDefined();
  });

  it('refuses a foreign file that differs from an output only in letter case, on every platform', async () => {
    await put('docs/zcp/guide/Install.mdx', 'written by a person\n');
    await expect(writeSolution({ root, solution: 'zcp', documents: all })).rejects.toMatchObject({
      code: 'path_case_collision',
      path: 'docs/zcp/guide/install.mdx',
    });
    expect(await listFiles(root)).toEqual(['docs/zcp/guide/Install.mdx']);
  });

  it("refuses a manifest that lists another solution's file or label, and leaves them alone", async () => {
    await writeSolution({ root, solution: 'apim', documents: [page('index.mdx', 'APIM')], translations: [translated(page('index.mdx', 'APIM'), 'ko')] });
    await writeSolution({ root, solution: 'zcp', documents: all });
    const manifestPath = join(root, '.zmp-manual/zcp.manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { files: Record<string, string>; translationKeys: Record<string, string[]> };
    const before = await listFiles(root);

    await writeFile(manifestPath, JSON.stringify({ ...manifest, files: { ...manifest.files, 'docs/apim/index.mdx': 'x' } }));
    await expect(writeSolution({ root, solution: 'zcp', documents: all })).rejects.toMatchObject({ code: 'invalid_manifest' });
    const current = 'i18n/ko/docusaurus-plugin-content-docs/current.json';
    await writeFile(manifestPath, JSON.stringify({ ...manifest, translationKeys: { [current]: ['sidebar.apim.category.apim'] } }));
    await expect(writeSolution({ root, solution: 'zcp', documents: all })).rejects.toMatchObject({ code: 'invalid_manifest' });
    await writeFile(manifestPath, JSON.stringify({ ...manifest, translationKeys: { 'docusaurus.config.mjs': [] } }));
    await expect(writeSolution({ root, solution: 'zcp', documents: all })).rejects.toMatchObject({ code: 'invalid_manifest' });

    expect(await listFiles(root)).toEqual(before);
    expect(Object.keys(JSON.parse(await readText(root, current)))).toEqual(['sidebar.apim.category.apim']);
  });

  it('removes the temporary files an interrupted run left next to its outputs, and only those', async () => {
    await writeSolution({ root, solution: 'zcp', documents: all });
    await put('docs/zcp/guide/.install.mdx.zmp-writer-0123456789ab.tmp', 'half a page');
    await put('docs/zcp/guide/.notes.tmp', 'a person');
    const result = await writeSolution({ root, solution: 'zcp', documents: all });
    expect([...result.created, ...result.changed, ...result.removed]).toEqual([]);
    expect((await listFiles(root)).filter((f) => f.includes('.tmp'))).toEqual(['docs/zcp/guide/.notes.tmp']);
  });
});
