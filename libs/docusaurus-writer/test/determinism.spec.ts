import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { WriterFs } from '../src';
import { writeSolution } from '../src';
import { nodeWriterFs } from '../src/writer-fs';
import { asset, listFiles, removeSite, sampleSolution, snapshotBytes, tempSite, translated } from './site.fixtures';

/** The node fs, counting every call that changes the disk. */
function countingFs(): { fs: WriterFs; mutations: string[] } {
  const mutations: string[] = [];
  const fs: WriterFs = {
    ...nodeWriterFs,
    writeFile: (path, data, options) => (mutations.push(`writeFile ${path}`), nodeWriterFs.writeFile(path, data, options)),
    rename: (from, to) => (mutations.push(`rename ${to}`), nodeWriterFs.rename(from, to)),
    unlink: (path) => (mutations.push(`unlink ${path}`), nodeWriterFs.unlink(path)),
    mkdir: (path, options) => (mutations.push(`mkdir ${path}`), nodeWriterFs.mkdir(path, options)),
    rmdir: (path) => (mutations.push(`rmdir ${path}`), nodeWriterFs.rmdir(path)),
  };
  return { fs, mutations };
}

describe('writeSolution determinism', () => {
  const documents = sampleSolution();
  const translations = documents.flatMap((d) => ['ko', 'ja', 'ar'].map((lang) => translated(d, lang)));
  const assets = [asset('one'), asset('two', 'svg')];
  const input = { solution: 'zcp', documents, translations, assets, languages: ['ko', 'ja', 'ar'] };

  let root: string;
  beforeEach(async () => {
    root = await tempSite();
  });
  afterEach(() => removeSite(root));

  it('writes nothing the second time: same bytes, same mtimes, no fs mutation, nothing reported but unchanged', async () => {
    const first = await writeSolution({ root, ...input });
    const bytes = await snapshotBytes(root);
    const mtimes = await Promise.all((await listFiles(root)).map(async (f) => (await lstat(join(root, f))).mtimeMs));

    const { fs, mutations } = countingFs();
    const second = await writeSolution({ root, ...input, fs });

    expect(mutations).toEqual([]);
    expect(second.created).toEqual([]);
    expect(second.changed).toEqual([]);
    expect(second.removed).toEqual([]);
    expect(second.unchanged).toEqual(first.created);
    expect(second.manifest).toEqual(first.manifest);
    expect(await snapshotBytes(root)).toEqual(bytes);
    expect(await Promise.all((await listFiles(root)).map(async (f) => (await lstat(join(root, f))).mtimeMs))).toEqual(mtimes);
  });

  it('gives the same bytes whatever the order of the input', async () => {
    await writeSolution({ root, ...input });
    const forward = await snapshotBytes(root);

    const other = await tempSite();
    try {
      await writeSolution({
        root: other,
        ...input,
        documents: [...documents].reverse(),
        translations: [...translations].reverse(),
        assets: [...assets].reverse(),
      });
      expect(await snapshotBytes(other)).toEqual(forward);
    } finally {
      await removeSite(other);
    }
  });

  it('rewrites only the file whose input changed', async () => {
    await writeSolution({ root, ...input });
    const edited = documents.map((d) => (d.relativePath === 'guide/install.mdx' ? { ...d, mdx: `${d.mdx}\nOne more line.\n` } : d));
    const { fs, mutations } = countingFs();
    const result = await writeSolution({ root, ...input, documents: edited, fs });
    expect(result.changed).toEqual(['.zmp-manual/zcp.manifest.json', 'docs/zcp/guide/install.mdx']);
    expect(result.created).toEqual([]);
    expect(mutations.filter((m) => m.startsWith('rename '))).toEqual([
      `rename ${join(root, '.zmp-manual/zcp.manifest.json')}`,
      `rename ${join(root, 'docs/zcp/guide/install.mdx')}`,
    ]);
  });
});
