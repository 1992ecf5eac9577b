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

/** A fixed permutation that is neither the identity nor a reversal: every other item, then the rest. */
function shuffled<T>(items: readonly T[]): T[] {
  const odd = items.filter((_, index) => index % 2 === 1);
  const even = items.filter((_, index) => index % 2 === 0);
  return [...odd.reverse(), ...even];
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

  it('gives the same bytes whatever the order of the input, with JSON in one stable format', async () => {
    await writeSolution({ root, ...input });
    const forward = await snapshotBytes(root);
    for (const [path, base64] of Object.entries(forward).filter(([path]) => path.endsWith('.json'))) {
      const text = Buffer.from(base64, 'base64').toString('utf8');
      expect([path, text]).toEqual([path, `${JSON.stringify(JSON.parse(text), null, 2)}\n`]);
    }

    const other = await tempSite();
    try {
      await writeSolution({
        root: other,
        ...input,
        documents: shuffled(documents),
        translations: shuffled(translations),
        assets: shuffled(assets),
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
