import { writeSolution } from '@zmp-manual/docusaurus-writer';
import type { SiteLayoutName, Translation, WriteSolutionResult } from '@zmp-manual/docusaurus-writer';
import type { Composition } from '../scope/compose-solution';

/** Where and how a solution is written. */
export interface SiteTarget {
  root: string;
  solution: string;
  layout: SiteLayoutName;
  /** Overwrite files the writer did not write (taking over a site); default false. */
  replaceForeignFiles?: boolean;
  signal?: AbortSignal;
}

/** The writer's manifest path inside the site (its default). */
export const manifestPathOf = (solution: string): string => `.zmp-manual/${solution}.manifest.json`;

/** One write of the solution: its pages and assets, with `translations` in `languages`. */
function writeSite(target: SiteTarget, composition: Composition, translations: readonly Translation[], languages: readonly string[]): Promise<WriteSolutionResult> {
  return writeSolution({
    root: target.root,
    solution: target.solution,
    layout: target.layout,
    documents: composition.documents,
    assets: composition.assets,
    translations,
    languages,
    replaceForeignFiles: target.replaceForeignFiles,
    signal: target.signal,
  });
}

/**
 * The first write: every page and asset, no language written (`languages: []`), so the translations the site
 * has are kept as they are, except those of pages that moved or vanished.
 */
export function writeDocuments(target: SiteTarget, composition: Composition): Promise<WriteSolutionResult> {
  return writeSite(target, composition, [], []);
}

/**
 * The second write: the same pages with the new translations of the pages in scope and the site's
 * translations of the kept pages, in `languages`; other languages stay as they are.
 */
export function writeTranslations(
  target: SiteTarget,
  composition: Composition,
  translations: readonly Translation[],
  languages: readonly string[],
): Promise<WriteSolutionResult> {
  const pages = new Set(composition.inScope.map((document) => document.pageId));
  const fresh = translations.filter((translation) => pages.has(translation.pageId));
  const kept = composition.keptTranslations.filter((translation) => languages.includes(translation.language));
  return writeSite(target, composition, [...fresh, ...kept], languages);
}
