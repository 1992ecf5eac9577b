import type { TranslationEntry } from './category.builder';
import { jsonText } from './category.builder';
import { compare } from './manifest';
import { WriterError } from './writer-error';

/**
 * Merges the writer's category labels into a locale's `current.json`, which Docusaurus and people share:
 * keys the writer owned before and no longer wants are dropped, wanted keys are set, every other key is kept
 * as it was. Keys come out sorted. Returns undefined when nothing is left (the file should not exist).
 */
export function mergeTranslationFile(
  existingText: string | undefined,
  path: string,
  ownedBefore: readonly string[],
  wanted: Readonly<Record<string, TranslationEntry>>,
): string | undefined {
  const merged = existingText === undefined ? {} : parseTranslationFile(existingText, path);
  for (const key of ownedBefore) {
    if (!(key in wanted)) delete merged[key];
  }
  Object.assign(merged, wanted);
  const keys = Object.keys(merged).sort(compare);
  if (keys.length === 0) return undefined;
  return jsonText(Object.fromEntries(keys.map((key) => [key, merged[key]])));
}

export function parseTranslationFile(text: string, path: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new WriterError('invalid_translation_file', `${path} is not valid JSON; fix or remove it.`, { path, cause: error });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new WriterError('invalid_translation_file', `${path} is not a JSON object; fix or remove it.`, { path });
  }
  return data as Record<string, unknown>;
}
