import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MemoryStoreError } from '../errors';
import type { MemoryFileSystem } from './file-memory.store';
import { createFileMemoryStore } from './file-memory.store';
import { createInMemoryStore } from './memory-store';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'mdx-memory-'));
});
afterEach(() => rm(directory, { recursive: true, force: true }));

describe('file memory store', () => {
  it('writes sorted, indented JSON per language on flush and reads it back in a new store', async () => {
    const store = createFileMemoryStore({ directory });
    await store.set('ko', 'bb', { source: 'B', translation: '비' });
    await store.set('ko', 'aa', { source: 'A', translation: '에이' });
    await store.set('ja', 'cc', { source: 'C', translation: 'シー' });
    await store.flush();
    expect(await readFile(path.join(directory, 'ko.json'), 'utf8')).toBe(
      '{\n  "version": 1,\n  "language": "ko",\n  "entries": {\n    "aa": {\n      "source": "A",\n      "translation": "에이"\n    },\n    "bb": {\n      "source": "B",\n      "translation": "비"\n    }\n  }\n}\n',
    );
    const again = createFileMemoryStore({ directory });
    expect(await again.get('ja', 'cc')).toEqual({ source: 'C', translation: 'シー' });
    expect(await again.get('ko', 'zz')).toBeUndefined();
    expect(await again.get('fr', 'aa')).toBeUndefined();
  });

  it('refuses a corrupt file with a typed error naming it', async () => {
    await writeFile(path.join(directory, 'ko.json'), '{ not json');
    const failure = await createFileMemoryStore({ directory }).get('ko', 'x').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MemoryStoreError);
    expect(failure).toMatchObject({ code: 'memory_unreadable', path: path.join(directory, 'ko.json') });
  });

  it('lets flushes overlap without losing an entry or failing on a shared temporary file', async () => {
    // every writeFile waits until the test opens its gate, so a second flush starts while the first writes
    const gates: Array<() => void> = [];
    const fs: MemoryFileSystem = {
      readFile,
      mkdir,
      rename,
      writeFile: async (file, data, encoding) => {
        await new Promise<void>((resolve) => gates.push(resolve));
        await writeFile(file, data, encoding);
      },
    };
    const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
    const store = createFileMemoryStore({ directory, fs });
    await store.set('ko', 'a', { source: 'A', translation: '에이' });
    const first = store.flush();
    while (gates.length === 0) await tick();
    await store.set('ko', 'b', { source: 'B', translation: '비' });
    const both = Promise.allSettled([first, store.flush()]);
    for (let i = 0; i < 20; i += 1) await tick();
    let settled = false;
    void both.then(() => (settled = true));
    while (!settled) {
      gates.splice(0).forEach((open) => open());
      await tick();
    }
    expect((await both).map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
    const saved = JSON.parse(await readFile(path.join(directory, 'ko.json'), 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(saved.entries)).toEqual(['a', 'b']);
    expect(await readdir(directory)).toEqual(['ko.json']);
  });

  it('keeps entries another store wrote to the same file meanwhile', async () => {
    const one = createFileMemoryStore({ directory });
    const two = createFileMemoryStore({ directory });
    await one.set('ko', 'a', { source: 'A', translation: '에이' });
    await two.set('ko', 'b', { source: 'B', translation: '비' });
    await one.flush();
    await two.flush();
    expect(await createFileMemoryStore({ directory }).get('ko', 'a')).toEqual({ source: 'A', translation: '에이' });
    expect(await createFileMemoryStore({ directory }).get('ko', 'b')).toEqual({ source: 'B', translation: '비' });
  });

  it('names the file by the canonical language tag', async () => {
    const store = createFileMemoryStore({ directory });
    await store.set('PT-br', 'a', { source: 'A', translation: 'Á' });
    await store.flush();
    expect(await readdir(directory)).toEqual(['pt-BR.json']);
    expect(await store.get('pt-BR', 'a')).toEqual({ source: 'A', translation: 'Á' });
  });

  it('never builds a path from an invalid language', async () => {
    await expect(createFileMemoryStore({ directory }).get('../../etc/passwd', 'x')).rejects.toMatchObject({ code: 'invalid_language' });
  });
});

describe('in-memory store', () => {
  it('keeps entries per language', async () => {
    const store = createInMemoryStore();
    await store.set('ko', 'k', { source: 'S', translation: 'T' });
    expect(await store.get('ko', 'k')).toEqual({ source: 'S', translation: 'T' });
    expect(await store.get('ja', 'k')).toBeUndefined();
    expect(store.size()).toBe(1);
  });
});
