import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MemoryStoreError } from '../errors';
import { assertLanguageCode } from '../languages';
import type { MemoryEntry, TranslationMemoryStore } from './memory-store';

/** The file operations the store uses (node:fs/promises by default). */
export interface MemoryFileSystem {
  readFile(file: string, encoding: 'utf8'): Promise<string>;
  writeFile(file: string, data: string, encoding: 'utf8'): Promise<void>;
  mkdir(directory: string, options: { recursive: true }): Promise<unknown>;
  rename(from: string, to: string): Promise<void>;
}

export interface FileMemoryStoreOptions {
  /** Folder holding one `<language>.json` per target language (created when missing). */
  directory: string;
  fs?: MemoryFileSystem;
}

interface MemoryFile {
  version: 1;
  language: string;
  entries: Record<string, MemoryEntry>;
}

const defaultFs: MemoryFileSystem = { readFile, writeFile, mkdir, rename };

/** A name no other writer uses at the same time (another store, in this process or another). */
let temporaryCount = 0;
const temporaryName = (file: string): string => `${file}.${process.pid}.${Date.now().toString(36)}.${(temporaryCount += 1)}.tmp`;

/**
 * A translation memory kept as one JSON file per language, written with sorted keys and two-space
 * indentation so it can be committed beside the docs and reviewed as a diff. Files are read on first
 * use and written by `flush()`: one flush at a time, each merging what is on disk now (entries written
 * by another store meanwhile are kept) and replacing the file atomically (a temporary file renamed).
 * Files are named by the canonical language tag (`KO` and `ko` share `ko.json`).
 */
export function createFileMemoryStore(options: FileMemoryStoreOptions): TranslationMemoryStore {
  const fs = options.fs ?? defaultFs;
  const loaded = new Map<string, Promise<Map<string, MemoryEntry>>>();
  const dirty = new Set<string>();
  let flushing: Promise<void> = Promise.resolve();
  const canonical = (language: string): string => {
    assertLanguageCode(language);
    return Intl.getCanonicalLocales(language)[0];
  };
  const fileOf = (language: string): string => path.join(options.directory, `${language}.json`);
  const load = (language: string): Promise<Map<string, MemoryEntry>> => {
    let entries = loaded.get(language);
    if (entries === undefined) {
      entries = read(fs, fileOf(language));
      loaded.set(language, entries);
    }
    return entries;
  };
  const write = async (language: string): Promise<void> => {
    const entries = await load(language);
    const file = fileOf(language);
    for (const [key, entry] of await read(fs, file)) if (!entries.has(key)) entries.set(key, entry);
    const sorted = Object.fromEntries([...entries.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
    const content: MemoryFile = { version: 1, language, entries: sorted };
    const temporary = temporaryName(file);
    try {
      await fs.mkdir(options.directory, { recursive: true });
      await fs.writeFile(temporary, `${JSON.stringify(content, null, 2)}\n`, 'utf8');
      await fs.rename(temporary, file);
    } catch (error) {
      throw new MemoryStoreError('memory_write_failed', `Could not write the translation memory ${file}: ${(error as Error).message}`, file);
    }
  };
  const flushAll = async (): Promise<void> => {
    for (const language of [...dirty].sort()) {
      dirty.delete(language);
      try {
        await write(language);
      } catch (error) {
        dirty.add(language);
        throw error;
      }
    }
  };
  return {
    async get(language, key) {
      const entry = (await load(canonical(language))).get(key);
      return entry === undefined ? undefined : { ...entry };
    },
    async set(language, key, entry) {
      const tag = canonical(language);
      (await load(tag)).set(key, { source: entry.source, translation: entry.translation });
      dirty.add(tag);
    },
    flush() {
      const run = flushing.then(flushAll);
      flushing = run.catch(() => undefined);
      return run;
    },
  };
}

async function read(fs: MemoryFileSystem, file: string): Promise<Map<string, MemoryEntry>> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw new MemoryStoreError('memory_unreadable', `Could not read the translation memory ${file}: ${(error as Error).message}`, file);
  }
  try {
    const parsed = JSON.parse(text) as Partial<MemoryFile>;
    const entries = new Map<string, MemoryEntry>();
    for (const [key, value] of Object.entries(parsed.entries ?? {})) {
      if (typeof value?.source === 'string' && typeof value.translation === 'string') entries.set(key, { source: value.source, translation: value.translation });
    }
    return entries;
  } catch (error) {
    throw new MemoryStoreError('memory_unreadable', `The translation memory ${file} is not valid JSON: ${(error as Error).message}`, file);
  }
}
