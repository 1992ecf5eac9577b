import type { Category, TranslationEntry } from './category.builder';
import { categoryTranslationEntry, categoryTranslationKey } from './category.builder';
import type { WriterManifest } from './manifest';
import type { Settings } from './options.validator';
import type { OutputPlan, PlannedFile } from './output.planner';
import { plannedFile } from './output.planner';
import { siteLayout } from './site-layout';
import { parseTranslationFile } from './translation-file.merger';
import { readTranslatedFrontMatter } from './input.validator';
import type { ExportedDocument } from './writer-input.types';

export interface KeptLocalesInput {
  readonly settings: Settings;
  readonly previous: WriterManifest;
  readonly documents: ReadonlyMap<string, ExportedDocument>;
  readonly categories: ReadonlyMap<string, Category>;
  /** Reads a file of the site (a path the manifest lists), after the path guard accepted it. */
  readonly read: (path: string) => Promise<Uint8Array | undefined>;
}

/**
 * The translations of languages an earlier run wrote and this one neither writes (`languages`) nor removes
 * (`removeLanguages`): a publish into `ko` alone must not throw away the `ja` pages. For each such language,
 * the pages whose source page still exists at the same `relativePath` (with the same `id` and `slug`) are kept
 * with the bytes they have now,
 * and so are the category labels of categories that still exist; both move if the layout changed. The
 * translations of pages that vanished or moved are left out of the plan, so the run removes them.
 */
export async function planKeptLocales(input: KeptLocalesInput): Promise<OutputPlan> {
  const { settings, previous } = input;
  const kept = (language: string): boolean => !settings.languages.includes(language) && !settings.removeLanguages.includes(language);
  const before = siteLayout(previous.layout, settings.solution);
  const now = siteLayout(settings.layout, settings.solution);
  const byPath = new Map([...input.documents.values()].map((document) => [document.relativePath, document]));

  const files = new Map<string, PlannedFile>();
  for (const path of Object.keys(previous.files).sort()) {
    const localized = before.parseLocalizedDoc(path);
    const source = localized && kept(localized.language) ? byPath.get(localized.relativePath) : undefined;
    if (!localized || !source) continue;
    const bytes = await input.read(path);
    // A translation whose id or slug no longer matches its page would break the locale's build: drop it.
    if (bytes === undefined || readTranslatedFrontMatter(source, Buffer.from(bytes).toString('utf8')).problem !== undefined) continue;
    const target = now.localizedDoc(localized.language, localized.relativePath);
    files.set(target, plannedFile(target, bytes));
  }

  const translationKeys = new Map<string, Record<string, TranslationEntry>>();
  for (const [path, keys] of Object.entries(previous.translationKeys).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const language = path.split('/')[1];
    if (!kept(language) || keys.length === 0) continue;
    const bytes = await input.read(path);
    if (bytes === undefined) continue;
    const labels = parseTranslationFile(Buffer.from(bytes).toString('utf8'), path);
    const entries: [string, TranslationEntry][] = [];
    for (const category of input.categories.values()) {
      const key = keys.find((owned) => owned.endsWith(`.category.${category.key}`));
      const message = key === undefined ? undefined : messageOf(labels[key]);
      if (message !== undefined) {
        entries.push([categoryTranslationKey(settings.sidebarId, category), categoryTranslationEntry(settings.sidebarId, category, message)]);
      }
    }
    if (entries.length > 0) translationKeys.set(now.translationFile(language), Object.fromEntries(entries));
  }
  return { files, translationKeys };
}

function messageOf(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { message } = entry as { message?: unknown };
  return typeof message === 'string' && message.trim() !== '' ? message : undefined;
}
