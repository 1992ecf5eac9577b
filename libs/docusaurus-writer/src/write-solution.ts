import { throwIfAborted } from './abort';
import { categoriesOf, validateAssets, validateDocuments, validateTranslations } from './input.validator';
import { emptyManifest, manifestText, parseManifest } from './manifest';
import type { WriterManifest } from './manifest';
import { validateSettings } from './options.validator';
import type { OutputPlan } from './output.planner';
import { planOutput } from './output.planner';
import { PathGuard } from './path.guard';
import type { SiteLayoutName } from './site-layout';
import { SiteUpdate } from './site.update';
import type { PreparedTranslations } from './site.update';
import type { WriterFs } from './writer-fs';
import { nodeWriterFs } from './writer-fs';
import type { Asset, ExportedDocument, Translation } from './writer-input.types';
import { WriterError } from './writer-error';

export interface WriteSolutionOptions {
  /** The Docusaurus site folder (it must exist). Nothing outside it is ever read or written. */
  root: string;
  /** The solution id: names `docs/<solution>`, `static/img/<solution>` and, per-solution, the plugin id. */
  solution: string;
  /** Every page of the solution. A page missing here that an earlier run wrote is removed. */
  documents: readonly ExportedDocument[];
  /** Every asset the pages use; written to `static/img/<solution>/<fileName>`. */
  assets?: readonly Asset[];
  /** Every translation; a page without one in a language has no file in that locale (Docusaurus shows the source). */
  translations?: readonly Translation[];
  /** `single` (default) or `per-solution`; see the README for the docusaurus.config each needs. */
  layout?: SiteLayoutName;
  /** Target locales (not the default one). Defaults to the languages of `translations`. */
  languages?: readonly string[];
  /** The sidebar id used in `current.json` category keys. Defaults to `solution`. */
  sidebarId?: string;
  /** Where the manifest lives, relative to `root`. Defaults to `.zmp-manual/<solution>.manifest.json`. */
  manifest?: string;
  signal?: AbortSignal;
  /** File-system port; defaults to `node:fs/promises`. */
  fs?: WriterFs;
}

/** Sorted POSIX paths relative to `root`. */
export interface WriteSolutionResult {
  created: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
  /** The manifest now stored in the site. */
  manifest: WriterManifest;
}

/**
 * Lays one solution out in a Docusaurus site: pages, `_category_.json` files, translations, assets and
 * translated category labels. Validates every input and path first (an error leaves the site untouched),
 * writes only what differs (atomically), then removes what an earlier run wrote and this one no longer does.
 */
export async function writeSolution(options: WriteSolutionOptions): Promise<WriteSolutionResult> {
  const fs = options.fs ?? nodeWriterFs;
  const { signal } = options;
  throwIfAborted(signal);
  const settings = validateSettings(options);
  if (!Array.isArray(options.documents)) throw new WriterError('invalid_option', '`documents` must be an array.');
  const documents = validateDocuments(options.documents);
  const translations = options.translations ?? [];
  const plan = planOutput({
    settings,
    documents,
    categories: categoriesOf(documents.values(), settings.solution),
    translations,
    translatedTitles: validateTranslations(translations, documents, settings.languages),
    assets: validateAssets(options.assets ?? []),
  });
  if (plan.files.has(settings.manifestPath) || plan.translationKeys.has(settings.manifestPath)) {
    throw new WriterError('invalid_option', `The manifest path ${settings.manifestPath} is also an output path.`, {
      path: settings.manifestPath,
    });
  }

  const guard = await PathGuard.open(fs, settings.root);
  await guard.checkFile(settings.manifestPath);
  const update = new SiteUpdate(fs, guard, signal);
  const initialManifest = await update.read(settings.manifestPath);
  const previous = initialManifest === undefined
    ? emptyManifest(settings.solution, settings.layout)
    : parseManifest(initialManifest, settings.manifestPath, settings.solution);

  const stale = Object.keys(previous.files).filter((path) => !plan.files.has(path) && path !== settings.manifestPath);
  const translationFiles = [...new Set([...plan.translationKeys.keys(), ...Object.keys(previous.translationKeys)])];
  for (const path of [...plan.files.keys(), ...stale, ...translationFiles].sort()) {
    throwIfAborted(signal);
    await guard.checkFile(path);
  }
  const owned = await ownedFiles(update, plan, previous);
  const labels: PreparedTranslations[] = [];
  for (const path of translationFiles.sort()) {
    labels.push(await update.prepareTranslations(path, previous.translationKeys[path] ?? [], plan.translationKeys.get(path) ?? {}));
  }

  const next: WriterManifest = {
    ...emptyManifest(settings.solution, settings.layout),
    files: Object.fromEntries([...owned].map((path) => [path, (plan.files.get(path) as { sha256: string }).sha256])),
    translationKeys: Object.fromEntries([...plan.translationKeys].map(([path, entries]) => [path, Object.keys(entries)])),
  };
  // Record the union first: if the run stops half-way, the next one still knows every file it may have written.
  const union: WriterManifest = {
    ...next,
    files: { ...previous.files, ...next.files },
    translationKeys: Object.fromEntries(
      translationFiles.map((path) => [path, [...(previous.translationKeys[path] ?? []), ...(next.translationKeys[path] ?? [])]]),
    ),
  };
  await update.sync(settings.manifestPath, manifestText(union), { report: false });

  for (const file of [...plan.files.values()].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    if (file.content) await update.sync(file.path, file.content);
    else update.keep(file.path);
  }
  for (const prepared of labels) await update.applyTranslations(prepared);
  for (const path of stale.sort()) await update.remove(path);

  const finalText = manifestText(next);
  await update.sync(settings.manifestPath, finalText, { report: false });
  update.reportAgainst(settings.manifestPath, initialManifest, finalText);
  return { ...update.result(), manifest: next };
}

/**
 * The planned paths this run owns. An asset without `data` is owned only if an earlier run wrote it;
 * otherwise the file must already be there and stays foreign (never recorded, never removed).
 */
async function ownedFiles(update: SiteUpdate, plan: OutputPlan, previous: WriterManifest): Promise<Set<string>> {
  const owned = new Set<string>();
  for (const file of plan.files.values()) {
    if (file.content) {
      owned.add(file.path);
      continue;
    }
    if (!(await update.exists(file.path))) {
      throw new WriterError('asset_missing', `Asset ${file.path} came without data and is not in the site.`, { path: file.path });
    }
    if (file.path in previous.files) owned.add(file.path);
  }
  return owned;
}
