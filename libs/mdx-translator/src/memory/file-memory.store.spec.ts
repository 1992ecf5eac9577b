import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MemoryStoreError } from '../errors';
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
