import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** `<lang>.json:<key>` for every entry of the translation memory a worker keeps in `<WORKER_DATA_DIR>/translation-memory/`. */
export function translationMemoryKeys(dataDir: string): string[] {
  const folder = join(dataDir, 'translation-memory');
  let files: string[];
  try {
    files = readdirSync(folder).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  return files.flatMap((name) => Object.keys((JSON.parse(readFileSync(join(folder, name), 'utf8')) as { entries: object }).entries).map((key) => `${name}:${key}`));
}
