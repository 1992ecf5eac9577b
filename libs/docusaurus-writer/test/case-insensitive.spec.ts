import { writeSolution } from '../src';
import { CaseInsensitiveFs } from './case-insensitive.fs';
import { page } from './site.fixtures';

// The writer runs on developers' Macs too, where `Faq.mdx` and `faq.mdx` (or an NFC and an NFD `é`) are one file.
describe('writeSolution on a case-insensitive file system (macOS, Windows)', () => {
  const root = (fs: CaseInsensitiveFs) => fs.root;
  const faq = (relativePath: string, body: string) => ({ ...page(relativePath, 'FAQ', 2, body), pageId: 'faq' });

  it('keeps a page whose slug changed only in letter case (the stale name is removed before the new one is written)', async () => {
    const fs = new CaseInsensitiveFs();
    await writeSolution({ root: root(fs), fs, solution: 'zcp', documents: [page('index.mdx', 'Root'), faq('Faq.mdx', 'old\n')] });
    const result = await writeSolution({ root: root(fs), fs, solution: 'zcp', documents: [page('index.mdx', 'Root'), faq('faq.mdx', 'new\n')] });

    expect(result.removed).toEqual(['docs/zcp/Faq.mdx']);
    expect(result.created).toEqual(['docs/zcp/faq.mdx']);
    expect(fs.files().filter((f) => f.startsWith('docs/'))).toEqual(['docs/zcp/_category_.json', 'docs/zcp/faq.mdx', 'docs/zcp/index.mdx']);
    expect(fs.text('docs/zcp/faq.mdx')).toContain('new\n');
    expect(Object.keys(result.manifest.files)).toContain('docs/zcp/faq.mdx');
  });

  it('keeps a page whose title changed from NFD to NFC, and a folder renamed in case with its pages', async () => {
    const fs = new CaseInsensitiveFs();
    const nfd = 'cafe\u0301';
    const nfc = 'caf\u00e9';
    const before = [page('index.mdx', 'Root'), page('Guide/index.mdx', 'Guide'), page('Guide/install.mdx', 'Install'), faq(`${nfd}.mdx`, 'old\n')];
    await writeSolution({ root: root(fs), fs, solution: 'zcp', documents: before });
    const after = [page('index.mdx', 'Root'), page('guide/index.mdx', 'Guide'), page('guide/install.mdx', 'Install'), faq(`${nfc}.mdx`, 'new\n')];
    await writeSolution({ root: root(fs), fs, solution: 'zcp', documents: after });

    expect(fs.files().filter((f) => f.startsWith('docs/'))).toEqual([
      'docs/zcp/_category_.json',
      `docs/zcp/${nfc}.mdx`,
      'docs/zcp/guide/_category_.json',
      'docs/zcp/guide/index.mdx',
      'docs/zcp/guide/install.mdx',
      'docs/zcp/index.mdx',
    ]);
    expect(fs.text(`docs/zcp/${nfc}.mdx`)).toContain('new\n');
  });

  it('refuses to write over a foreign file whose name differs only in case', async () => {
    const fs = new CaseInsensitiveFs();
    await fs.mkdir(`${fs.root}/docs/zcp`, { recursive: true });
    await fs.writeFile(`${fs.root}/docs/zcp/Notes.mdx`, Buffer.from('a person wrote this\n'), { flag: 'wx' });
    await expect(writeSolution({ root: root(fs), fs, solution: 'zcp', documents: [page('notes.mdx', 'Notes')] })).rejects.toMatchObject({
      code: 'path_case_collision',
      path: 'docs/zcp/notes.mdx',
    });
    expect(fs.files()).toEqual(['docs/zcp/Notes.mdx']);
    expect(fs.text('docs/zcp/Notes.mdx')).toBe('a person wrote this\n');
  });
});
