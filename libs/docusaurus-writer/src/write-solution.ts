import { throwIfAborted } from './abort';
import { readRegularFile } from './file.sync';
import { categoriesOf, validateAssets, validateDocuments, validateTranslations } from './input.validator';
import { planKeptLocales } from './kept-locales.planner';
import { emptyManifest, manifestText, parseManifest } from './manifest';
import type { WriterManifest } from './manifest';
import { validateSettings } from './options.validator';
import { planOutput } from './output.planner';
import { assertNoCaseCollisions } from './path-collision.check';
import { PathGuard } from './path.guard';
import { inspectSite } from './site.inspector';
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
  /**
   * Every translation into the languages this run writes; a page without one in such a language has no file
   * in that locale (Docusaurus shows the source there).
   */
  translations?: readonly Translation[];
  /** `single` (default) or `per-solution`; see the README for the docusaurus.config each needs. */
  layout?: SiteLayoutName;
  /**
   * The locales this run writes (not the default one); defaults to the languages of `translations`. The
   * translations an earlier run wrote into other languages are kept, except those of pages that vanished.
   */
  languages?: readonly string[];
  /** Locales whose pages and category labels an earlier run wrote and this one removes. */
  removeLanguages?: readonly string[];
  /** The sidebar id used in `current.json` category keys. Defaults to `solution`. */
  sidebarId?: string;
  /** Where the manifest lives, relative to `root`. Defaults to `.zmp-manual/<solution>.manifest.json`. */
  manifest?: string;
  /**
   * When a file the manifest does not list stands at an output path with other bytes: `false` (default)
   * refuses with `foreign_file` before writing anything; `true` overwrites it and owns it from then on.
   */
  replaceForeignFiles?: boolean;
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
 * translated category labels. Validates every input and path and compares the plan with the site first (an
 * error leaves the site untouched), records what it may write, removes what an earlier run wrote and this one
 * no longer does, then writes only what differs (each file atomically).
 */
export async function writeSolution(options: WriteSolutionOptions): Promise<WriteSolutionResult> {
  const fs = options.fs ?? nodeWriterFs;
  const { signal } = options;
  throwIfAborted(signal);
  const settings = validateSettings(options);
  if (!Array.isArray(options.documents)) throw new WriterError('invalid_option', '`documents` must be an array.');
  const documents = validateDocuments(options.documents);
  const translations = options.translations ?? [];
  const translatedTitles = validateTranslations(translations, documents, settings.languages);
  const assets = validateAssets(options.assets ?? []);
  const categories = categoriesOf(documents.values(), settings.solution);

  const guard = await PathGuard.open(fs, settings.root);
  await guard.checkFile(settings.manifestPath);
  const update = new SiteUpdate(fs, guard, signal);
  const initialManifest = await update.read(settings.manifestPath);
  const previous = initialManifest === undefined
    ? emptyManifest(settings.solution, settings.layout)
    : parseManifest(initialManifest, settings.manifestPath, settings.solution);
  for (const path of [...Object.keys(previous.files), ...Object.keys(previous.translationKeys)].sort()) {
    throwIfAborted(signal);
    await guard.checkFile(path);
  }

  const read = (path: string): Promise<Uint8Array | undefined> => readRegularFile(fs, guard.absolute(path), path);
  const carried = await planKeptLocales({ settings, previous, documents, categories, read });
  const plan = planOutput({ settings, documents, categories, translations, translatedTitles, assets, carried });
  if (plan.files.has(settings.manifestPath) || plan.translationKeys.has(settings.manifestPath)) {
    throw new WriterError('invalid_option', `The manifest path ${settings.manifestPath} is also an output path.`, {
      path: settings.manifestPath,
    });
  }
  assertNoCaseCollisions([...plan.files.keys(), ...plan.translationKeys.keys(), settings.manifestPath]);
  for (const path of [...plan.files.keys(), ...plan.translationKeys.keys()].sort()) {
    throwIfAborted(signal);
    await guard.checkFile(path);
  }
  const { owned, leftovers } = await inspectSite({
    fs,
    guard,
    plan,
    previousFiles: previous.files,
    replaceForeignFiles: settings.replaceForeignFiles,
    manifestPath: settings.manifestPath,
    signal,
  });
  const stale = Object.keys(previous.files).filter((path) => !plan.files.has(path)).sort();
  const translationFiles = [...new Set([...plan.translationKeys.keys(), ...Object.keys(previous.translationKeys)])].sort();
  const labels: PreparedTranslations[] = [];
  for (const path of translationFiles) {
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

  for (const path of leftovers) await update.discard(path);
  // Removals go first: on macOS and Windows, `Guide.mdx` (stale) and `guide.mdx` (new) are one file.
  for (const path of stale) await update.remove(path);
  for (const file of [...plan.files.values()].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    if (file.content) await update.sync(file.path, file.content);
    else update.keep(file.path);
  }
  for (const prepared of labels) await update.applyTranslations(prepared);

  const finalText = manifestText(next);
  await update.sync(settings.manifestPath, finalText, { report: false });
  update.reportAgainst(settings.manifestPath, initialManifest, finalText);
  return { ...update.result(), manifest: next };
}
