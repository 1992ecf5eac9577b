/** What the translation memory keeps for one segment in one language. */
export interface MemoryEntry {
  /** The segment as the model saw it (placeholders included), for review. */
  source: string;
  /** The accepted translation, placeholders included. */
  translation: string;
}

/**
 * The translation-memory port. Keys are opaque hashes (see `memoryKey`); entries are grouped by target
 * language. `flush` persists what `set` recorded (a no-op for stores that write at once).
 */
export interface TranslationMemoryStore {
  get(language: string, key: string): Promise<MemoryEntry | undefined>;
  set(language: string, key: string, entry: MemoryEntry): Promise<void>;
  flush(): Promise<void>;
}

/** A memory held in process: for tests, one-off runs, or as a cache in front of nothing. */
export function createInMemoryStore(): TranslationMemoryStore & { size(language?: string): number } {
  const languages = new Map<string, Map<string, MemoryEntry>>();
  return {
    async get(language, key) {
      const entry = languages.get(language)?.get(key);
      return entry === undefined ? undefined : { ...entry };
    },
    async set(language, key, entry) {
      let entries = languages.get(language);
      if (entries === undefined) languages.set(language, (entries = new Map()));
      entries.set(key, { source: entry.source, translation: entry.translation });
    },
    async flush() {
      // nothing to persist
    },
    size(language) {
      if (language !== undefined) return languages.get(language)?.size ?? 0;
      return [...languages.values()].reduce((sum, entries) => sum + entries.size, 0);
    },
  };
}
