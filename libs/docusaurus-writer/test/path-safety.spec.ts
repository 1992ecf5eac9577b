import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WriteSolutionOptions, WriterErrorCode } from '../src';
import { writeSolution, WriterError } from '../src';
import { asset, listFiles, page, removeSite, sampleSolution, tempSite, translated } from './site.fixtures';

async function failure(options: WriteSolutionOptions): Promise<WriterError> {
  const error = await writeSolution(options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WriterError);
  return error as WriterError;
}

describe('writeSolution path safety', () => {
  let root: string;
  let outside: string;
  beforeEach(async () => {
    root = await tempSite();
    outside = await tempSite();
  });
  afterEach(async () => {
    await removeSite(root);
    await removeSite(outside);
  });

  const good = sampleSolution();

  it.each<[string, string, WriterErrorCode]>([
    ['a title like ../../etc/passwd', '../../etc/passwd.mdx', 'path_segment_dot'],
    ['an absolute path', '/etc/passwd.mdx', 'path_segment_empty'],
    ['a Windows device name', 'CON.mdx', 'path_segment_reserved_name'],
    ['a device name in a folder', 'nul/index.mdx', 'path_segment_reserved_name'],
    ['a NUL byte', 'guide/in\0stall.mdx', 'path_segment_control_character'],
    ['a newline', 'guide/in\nstall.mdx', 'path_segment_control_character'],
    ['a backslash', 'guide\\..\\..\\x.mdx', 'path_segment_separator'],
    ['a trailing dot', 'guide./install.mdx', 'path_segment_trailing_dot_or_space'],
    ['a trailing space', 'guide /install.mdx', 'path_segment_trailing_dot_or_space'],
    ['a colon', 'c:/install.mdx', 'path_segment_invalid_character'],
    ['an overlong name', `${'ä'.repeat(130)}.mdx`, 'path_segment_too_long'],
  ])('refuses %s with its own code and writes nothing, not even the valid pages', async (_what, relativePath, code) => {
    const bad = { ...page('guide/install.mdx', 'Install'), pageId: 'bad', relativePath };
    const error = await failure({ root, solution: 'zcp', documents: [...good, bad] });
    expect(error.code).toBe(code);
    expect(error.toJSON()).toMatchObject({ name: 'WriterError', code, path: relativePath });
    expect(await listFiles(root)).toEqual([]);
  });

  it('refuses unsafe asset names, languages, solutions and manifest paths', async () => {
    const evil = { ...asset('x'), fileName: '../../x.png' };
    expect((await failure({ root, solution: 'zcp', documents: good, assets: [evil] })).code).toBe('path_segment_separator');
    expect((await failure({ root, solution: 'zcp', documents: good, languages: ['../ko'] })).code).toBe('invalid_option');
    expect((await failure({ root, solution: '../zcp', documents: good })).code).toBe('invalid_option');
    // ZCP and zcp would share docs/zcp and a manifest on macOS; KO and ko an i18n folder.
    expect((await failure({ root, solution: 'ZCP', documents: good })).code).toBe('invalid_option');
    expect((await failure({ root, solution: 'zcp', documents: good, languages: ['KO'] })).code).toBe('invalid_option');
    expect((await failure({ root, solution: 'zcp', documents: good, languages: ['pt-br'] })).message).toContain('"pt-BR"');
    expect((await failure({ root, solution: 'zcp', documents: good, languages: ['ko'], removeLanguages: ['ko'] })).code).toBe('invalid_option');
    expect((await failure({ root, solution: 'zcp', documents: good, manifest: '../zcp.json' })).code).toBe('path_segment_dot');
    expect(await listFiles(root)).toEqual([]);
  });

  it('refuses to follow a symlink in the root that leads outside it', async () => {
    await mkdir(join(root, 'docs'));
    await symlink(outside, join(root, 'docs', 'zcp'), 'dir');
    const error = await failure({ root, solution: 'zcp', documents: good });
    expect(error.code).toBe('path_outside_root');
    expect(await readdir(outside)).toEqual([]);
    expect(await listFiles(root)).toEqual(['docs/zcp']); // the symlink itself, no manifest
  });

  it('follows a symlink that stays inside the root', async () => {
    await mkdir(join(root, 'shared-docs'));
    await mkdir(join(root, 'docs'));
    await symlink(join(root, 'shared-docs'), join(root, 'docs', 'zcp'), 'dir');
    await writeSolution({ root, solution: 'zcp', documents: good });
    expect(await readdir(join(root, 'shared-docs'))).toContain('index.mdx');
    // Every page vanishes: the folders are emptied and pruned, the symlink itself stays.
    const result = await writeSolution({ root, solution: 'zcp', documents: [] });
    expect(result.removed).toHaveLength(good.length + 3);
    expect(await listFiles(root)).toEqual(['.zmp-manual/zcp.manifest.json', 'docs/zcp']);
  });

  it('refuses a manifest entry that points outside the root, lexically or through a symlink, and leaves the target alone', async () => {
    await writeFile(join(outside, 'victim.txt'), 'keep me\n');
    await mkdir(join(root, '.zmp-manual'));
    const withEntry = (entry: string) => JSON.stringify({ version: 1, solution: 'zcp', layout: 'single', files: { [entry]: 'x' }, translationKeys: {} });
    await writeFile(join(root, '.zmp-manual/zcp.manifest.json'), withEntry('../victim.txt'));
    expect((await failure({ root, solution: 'zcp', documents: good })).code).toBe('invalid_manifest');
    await writeFile(join(root, '.zmp-manual/zcp.manifest.json'), withEntry('docs/zcp/../../../victim.txt'));
    expect((await failure({ root, solution: 'zcp', documents: good })).code).toBe('path_segment_dot');
    await mkdir(join(root, 'docs/zcp'), { recursive: true });
    await symlink(outside, join(root, 'docs/zcp/link'), 'dir');
    await writeFile(join(root, '.zmp-manual/zcp.manifest.json'), withEntry('docs/zcp/link/victim.txt'));
    expect((await failure({ root, solution: 'zcp', documents: good })).code).toBe('path_outside_root');
    expect(await readdir(outside)).toEqual(['victim.txt']);
  });

  it.each<[string, string[], WriterErrorCode]>([
    ['two folders that differ in case', ['Guide/index.mdx', 'guide/install.mdx'], 'path_case_collision'],
    ['two folders, NFC and NFD', ['caf\u00e9/index.mdx', 'cafe\u0301/install.mdx'], 'path_case_collision'],
    ['two pages, NFC and NFD', ['caf\u00e9.mdx', 'cafe\u0301.mdx'], 'invalid_document'],
    ['a folder and a page in case', ['Guide.mdx/index.mdx', 'guide.mdx'], 'path_case_collision'],
  ])('refuses %s (one file on macOS and Windows) before writing', async (_what, paths, code) => {
    const documents = paths.map((relativePath, index) => ({ ...page(relativePath, `T${index}`), pageId: `p${index}` }));
    expect((await failure({ root, solution: 'zcp', documents })).code).toBe(code);
    expect(await listFiles(root)).toEqual([]);
  });

  it('refuses a path too long for macOS before writing anything', async () => {
    const deep = Array.from({ length: 6 }, (_, i) => `${String(i)}${'x'.repeat(199)}`).join('/');
    const error = await failure({ root, solution: 'zcp', documents: [...good, page(`${deep}/page.mdx`, 'Deep')] });
    expect(error.code).toBe('path_too_long');
    expect(await listFiles(root)).toEqual([]);
  });

  it('reports a file standing where a folder must go, before writing', async () => {
    await mkdir(join(root, 'docs'));
    await writeFile(join(root, 'docs', 'zcp'), 'a file, not a folder');
    expect((await failure({ root, solution: 'zcp', documents: good })).code).toBe('path_conflict');
    expect(await listFiles(root)).toEqual(['docs/zcp']);
  });

  it('refuses to overwrite a broken current.json, before writing any page', async () => {
    await mkdir(join(root, 'i18n/ko/docusaurus-plugin-content-docs'), { recursive: true });
    await writeFile(join(root, 'i18n/ko/docusaurus-plugin-content-docs/current.json'), '{ "half": ');
    const error = await failure({ root, solution: 'zcp', documents: good, translations: [translated(good[0], 'ko')] });
    expect(error.code).toBe('invalid_translation_file');
    expect(await listFiles(root)).toEqual(['i18n/ko/docusaurus-plugin-content-docs/current.json']);
  });

  it('refuses a root that does not exist', async () => {
    expect((await failure({ root: join(root, 'missing'), solution: 'zcp', documents: good })).code).toBe('invalid_option');
  });

  describe('input contract', () => {
    it.each<[string, () => WriteSolutionOptions]>([
      ['a directory page not named index', () => ({ root, solution: 'zcp', documents: [{ ...page('guide.mdx', 'G'), isDirectory: true }] })],
      ['a leaf page named index', () => ({ root, solution: 'zcp', documents: [{ ...page('guide/index.mdx', 'G'), isDirectory: false }] })],
      ['a page that is not .mdx', () => ({ root, solution: 'zcp', documents: [page('guide.txt', 'G')] })],
      ['a directory page without a title', () => ({ root, solution: 'zcp', documents: [page('guide/index.mdx', ' ')] })],
      ['two pages on one path (letter case ignored)', () => ({ root, solution: 'zcp', documents: [page('Guide.mdx', 'A'), page('guide.mdx', 'B')] })],
      ['two pages with one id', () => ({ root, solution: 'zcp', documents: [page('a.mdx', 'A'), { ...page('b.mdx', 'B'), pageId: 'page-a.mdx' }] })],
    ])('refuses %s (invalid_document)', async (_what, options) => {
      expect((await failure(options())).code).toBe('invalid_document');
      expect(await listFiles(root)).toEqual([]);
    });

    it('refuses a translation that changes the page id, names an unknown page or an unlisted language', async () => {
      const [first] = good;
      const renamed = { ...translated(first, 'ko'), mdx: translated(first, 'ko').mdx.replace('id: root', 'id: wurzel') };
      const cases: WriteSolutionOptions[] = [
        { root, solution: 'zcp', documents: good, translations: [renamed] },
        { root, solution: 'zcp', documents: good, translations: [{ ...translated(first, 'ko'), pageId: 'nobody' }] },
        { root, solution: 'zcp', documents: good, translations: [translated(first, 'ja')], languages: ['ko'] },
        { root, solution: 'zcp', documents: good, translations: [translated(first, 'ko'), translated(first, 'ko')] },
      ];
      for (const options of cases) {
        const error = await failure(options);
        expect(error.code).toBe('invalid_translation');
        expect(error.pageId).toBeDefined();
      }
      expect(await listFiles(root)).toEqual([]);
    });

    it('refuses an asset whose bytes do not match its sha256', async () => {
      const wrong = { ...asset('one'), data: new Uint8Array(Buffer.from('two')) };
      expect((await failure({ root, solution: 'zcp', documents: good, assets: [wrong] })).code).toBe('asset_hash_mismatch');
    });
  });
});
