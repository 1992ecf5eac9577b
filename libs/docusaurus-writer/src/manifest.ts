import type { SiteLayoutName } from './site-layout';
import { SITE_LAYOUTS, isSolutionPath, isSolutionTranslationFile } from './site-layout';
import { jsonText } from './category.builder';
import { WriterError } from './writer-error';

export const MANIFEST_VERSION = 1;

/**
 * What the writer wrote for one solution, kept in the site (by default
 * `.zmp-manual/<solution>.manifest.json`) so the next run can remove what vanished and nothing else.
 */
export interface WriterManifest {
  version: typeof MANIFEST_VERSION;
  solution: string;
  layout: SiteLayoutName;
  /** Every file the writer owns, POSIX path relative to the root -> hex sha256 of its bytes; sorted. */
  files: Record<string, string>;
  /** Per shared `current.json` (path relative to the root): the keys the writer owns in it; sorted. */
  translationKeys: Record<string, string[]>;
}

export function defaultManifestPath(solution: string): string {
  return `.zmp-manual/${solution}.manifest.json`;
}

export function emptyManifest(solution: string, layout: SiteLayoutName): WriterManifest {
  return { version: MANIFEST_VERSION, solution, layout, files: {}, translationKeys: {} };
}

/** The manifest as it is stored: sorted keys, 2-space JSON, final newline; same data, same bytes. */
export function manifestText(manifest: WriterManifest): string {
  const files = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => compare(a, b)));
  const translationKeys = Object.fromEntries(
    Object.entries(manifest.translationKeys)
      .sort(([a], [b]) => compare(a, b))
      .map(([path, keys]) => [path, [...new Set(keys)].sort(compare)]),
  );
  return jsonText({ version: manifest.version, solution: manifest.solution, layout: manifest.layout, files, translationKeys });
}

export function parseManifest(text: string, path: string, solution: string): WriterManifest {
  const invalid = (why: string): WriterError =>
    new WriterError('invalid_manifest', `The manifest ${path} cannot be used: ${why}.`, { path });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw invalid('it is not JSON');
  }
  if (!isRecord(data)) throw invalid('it is not a JSON object');
  if (data['version'] !== MANIFEST_VERSION) throw invalid(`version ${JSON.stringify(data['version'])} is not ${MANIFEST_VERSION}`);
  if (data['solution'] !== solution) throw invalid(`it belongs to solution ${JSON.stringify(data['solution'])}`);
  const layout = data['layout'];
  if (typeof layout !== 'string' || !(SITE_LAYOUTS as readonly string[]).includes(layout)) throw invalid('its layout is unknown');
  const files = data['files'];
  if (!isRecord(files) || !Object.values(files).every((hash) => typeof hash === 'string')) throw invalid('"files" is malformed');
  const keys = data['translationKeys'];
  if (!isRecord(keys) || !Object.values(keys).every((list) => Array.isArray(list) && list.every((key) => typeof key === 'string'))) {
    throw invalid('"translationKeys" is malformed');
  }
  // A manifest is trusted with deletions: it may only name what a writer of this solution can have written.
  const foreignPath = Object.keys(files).find((file) => !isSolutionPath(solution, file));
  if (foreignPath !== undefined) throw invalid(`it lists ${JSON.stringify(foreignPath)}, which is not a file of solution ${solution}`);
  const foreignFile = Object.keys(keys).find((file) => !isSolutionTranslationFile(solution, file));
  if (foreignFile !== undefined) throw invalid(`it lists ${JSON.stringify(foreignFile)}, which is not a locale current.json`);
  const ownKey = new RegExp(`^sidebar\\..+\\.category\\.${solution}(?:/.*)?$`, 's');
  const foreignKey = Object.values(keys).flat().find((key) => !ownKey.test(key as string));
  if (foreignKey !== undefined) throw invalid(`it claims the key ${JSON.stringify(foreignKey)}, which is not a category label of solution ${solution}`);
  return {
    version: MANIFEST_VERSION,
    solution,
    layout: layout as SiteLayoutName,
    files: files as Record<string, string>,
    translationKeys: keys as Record<string, string[]>,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Code-unit order: the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
