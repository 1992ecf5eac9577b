import { createHash } from 'node:crypto';
import type { Category, TranslationEntry } from './category.builder';
import { categoryFileContent, categoryTranslationEntry, categoryTranslationKey, jsonText } from './category.builder';
import type { Settings } from './options.validator';
import { siteLayout } from './site-layout';
import type { Asset, ExportedDocument, Translation } from './writer-input.types';
import { WriterError } from './writer-error';

/** A file the writer owns after this run. `content` is absent for an asset kept as it is on disk. */
export interface PlannedFile {
  readonly path: string;
  readonly sha256: string;
  readonly content?: Uint8Array;
}

export interface OutputPlan {
  /** By path (POSIX, relative to the root). */
  readonly files: Map<string, PlannedFile>;
  /** Category labels wanted per locale `current.json`, by that file's path. */
  readonly translationKeys: Map<string, Record<string, TranslationEntry>>;
}

export interface PlanInput {
  readonly settings: Settings;
  readonly documents: ReadonlyMap<string, ExportedDocument>;
  readonly categories: ReadonlyMap<string, Category>;
  readonly translations: readonly Translation[];
  /** Translated titles by `<language>\n<pageId>`. */
  readonly translatedTitles: ReadonlyMap<string, string | undefined>;
  readonly assets: readonly Asset[];
  /** Translations of languages this run does not write, kept from earlier runs (see `carryOverLocales`). */
  readonly carried: OutputPlan;
}

export function plannedFile(path: string, content: string | Uint8Array): PlannedFile {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { path, content: bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Every file and `current.json` key one run of the writer should leave in the site. */
export function planOutput(input: PlanInput): OutputPlan {
  const { settings, documents, categories } = input;
  const layout = siteLayout(settings.layout, settings.solution);
  const files = new Map<string, PlannedFile>();
  const add = (file: PlannedFile): void => {
    if (files.has(file.path)) {
      throw new WriterError('invalid_document', `Two outputs would be written to ${file.path}.`, { path: file.path });
    }
    files.set(file.path, file);
  };

  for (const document of documents.values()) add(plannedFile(layout.doc(document.relativePath), document.mdx));
  for (const category of categories.values()) {
    const file = category.dir === '' ? '_category_.json' : `${category.dir}/_category_.json`;
    add(plannedFile(layout.doc(file), jsonText(categoryFileContent(category))));
  }
  for (const { language, pageId, mdx } of input.translations) {
    const source = documents.get(pageId) as ExportedDocument;
    add(plannedFile(layout.localizedDoc(language, source.relativePath), mdx));
  }
  for (const asset of input.assets) {
    const path = layout.asset(asset.fileName);
    add(asset.data === undefined ? { path, sha256: asset.sha256.toLowerCase() } : { path, sha256: asset.sha256.toLowerCase(), content: asset.data });
  }
  for (const file of input.carried.files.values()) add(file);

  const translationKeys = new Map<string, Record<string, TranslationEntry>>();
  for (const language of settings.languages) {
    const entries: [string, TranslationEntry][] = [];
    for (const [pageId, category] of categories) {
      const title = input.translatedTitles.get(`${language}\n${pageId}`);
      if (title === undefined) continue;
      entries.push([categoryTranslationKey(settings.sidebarId, category), categoryTranslationEntry(settings.sidebarId, category, title)]);
    }
    if (entries.length > 0) translationKeys.set(layout.translationFile(language), Object.fromEntries(entries));
  }
  for (const [path, entries] of input.carried.translationKeys) translationKeys.set(path, entries);
  return { files, translationKeys };
}
