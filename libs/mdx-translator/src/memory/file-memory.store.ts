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

/**
 * A translation memory kept as one JSON file per language, written with sorted keys and two-space
 * indentation so it can be committed beside the docs and reviewed as a diff. Files are read on first
 * use and written by `flush()` (atomically: a temporary file renamed over the old one).
 */
export function createFileMemoryStore(options: FileMemoryStoreOptions): TranslationMemoryStore {
  const fs = options.fs ?? defaultFs;
  const loaded = new Map<string, Promise<Map<string, MemoryEntry>>>();
  const dirty = new Set<string>();
  const fileOf = (language: string): string => {
    assertLanguageCode(language);
    return path.join(options.directory, `${language}.json`);
  };

  const load = (language: string): Promise<Map<string, MemoryEntry>> => {
    let entries = loaded.get(language);
    if (entries === undefined) {
      entries = read(fs, fileOf(language));
      loaded.set(language, entries);
    }
    return entries;
  };

  return {
    async get(language, key) {
      const entry = (await load(language)).get(key);
      return entry === undefined ? undefined : { ...entry };
    },
    async set(language, key, entry) {
      (await load(language)).set(key, { source: entry.source, translation: entry.translation });
      dirty.add(language);
    },
    async flush() {
      for (const language of [...dirty].sort()) {
        dirty.delete(language);
        const entries = await load(language);
        const file = fileOf(language);
        const sorted = Object.fromEntries([...entries.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
        const content: MemoryFile = { version: 1, language, entries: sorted };
        const temporary = `${file}.${process.pid}.tmp`;
        try {
          await fs.mkdir(options.directory, { recursive: true });
          await fs.writeFile(temporary, `${JSON.stringify(content, null, 2)}\n`, 'utf8');
          await fs.rename(temporary, file);
        } catch (error) {
          dirty.add(language);
          throw new MemoryStoreError('memory_write_failed', `Could not write the translation memory ${file}: ${(error as Error).message}`, file);
        }
      }
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
