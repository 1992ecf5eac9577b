import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syncFile } from './file.sync';
import type { WriterFs } from './writer-fs';
import { nodeWriterFs } from './writer-fs';

describe('syncFile (atomic replace)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'writer-sync-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('leaves the old file whole and no temporary file behind when the final rename fails', async () => {
    const target = join(dir, 'page.mdx');
    await writeFile(target, 'old content\n');
    const failingFs: WriterFs = {
      ...nodeWriterFs,
      rename: () => Promise.reject(Object.assign(new Error('disk gone'), { code: 'EIO' })),
    };
    await expect(syncFile(failingFs, target, Buffer.from('new content\n'), 'page.mdx')).rejects.toMatchObject({
      code: 'io_failed',
      path: 'page.mdx',
    });
    expect(await readFile(target, 'utf8')).toBe('old content\n');
    expect(await readdir(dir)).toEqual(['page.mdx']);
  });

  it('reports created, changed and unchanged by content', async () => {
    const target = join(dir, 'a', 'b.json');
    expect(await syncFile(nodeWriterFs, target, Buffer.from('1'), 'a/b.json')).toBe('created');
    expect(await syncFile(nodeWriterFs, target, Buffer.from('1'), 'a/b.json')).toBe('unchanged');
    expect(await syncFile(nodeWriterFs, target, Buffer.from('2'), 'a/b.json')).toBe('changed');
    expect(await readFile(target, 'utf8')).toBe('2');
  });
});
