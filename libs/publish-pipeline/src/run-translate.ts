import { resolve } from 'node:path';
import { writeSolution } from '@zmp-manual/docusaurus-writer';
import { toPipelineError } from './errors/failure-mapping';
import { PipelineError } from './errors/pipeline-error';
import { parseNotionId } from './notion-id';
import { translationProgress } from './progress';
import { messages } from './report/messages';
import { RunReporter } from './report/run-reporter';
import { selectSiteDocuments } from './scope/site-selection';
import { readSite } from './site/site-reader';
import type { RunTranslateOptions, SiteRunResult } from './site-runs.types';
import { targetLanguages } from './translate/target-languages';
import { translateDocuments } from './translate/translate-documents';
import { mergeChanges } from './write/file-changes';

/**
 * Translates the pages of a solution that docusaurus-writer wrote into a site folder (read back through its
 * manifest) into `languages`, and writes the translations next to them (other languages are kept), without
 * git: the `translating` step of a publish. Throws a `PipelineError` (`invalid_page_id`,
 * `translation_failed`, `cancelled`, `unknown_error`).
 */
export async function runTranslate(options: RunTranslateOptions): Promise<SiteRunResult> {
  const reporter = new RunReporter(options.reporter, { logger: options.logger });
  const pageId = options.pageId === undefined ? undefined : parseNotionId(options.pageId);
  const { solution } = options;
  try {
    if (options.pageId !== undefined && pageId === undefined) {
      throw new PipelineError('invalid_page_id', `${JSON.stringify(options.pageId)} is not a Notion page id (32 hex digits, with or without dashes)`, { code: 'invalid_page_id' });
    }
    const languages = targetLanguages(options.languages, solution.sourceLanguage ?? 'en');
    const root = resolve(options.siteDir);
    const signal = AbortSignal.any([reporter.signal, ...(options.signal ? [options.signal] : [])]);
    await reporter.report({ status: 'translating', message: messages.readingSite, ...translationProgress(0, 1) });
    const site = await readSite({ root, solution: solution.id, signal });
    if (site.manifest === undefined || site.documents.length === 0) {
      throw new PipelineError('translation_failed', `The site ${root} holds no pages of solution ${solution.id}: export them first`, { code: 'nothing_to_translate' });
    }
    const selected = selectSiteDocuments(site.documents, solution.id, pageId, options.isDirectory ?? false);
    if (languages.length === 0) {
      await reporter.report({ status: 'translating', message: messages.nothingToTranslate, ...translationProgress(1, 1) });
      return { counters: { ...reporter.counters }, files: mergeChanges([]), exportFiles: 0, warnings: [...reporter.warnings] };
    }
    reporter.count({ pages: selected.length });
    const translations = await translateDocuments({ documents: selected, languages, from: solution.sourceLanguage, translation: options.translation, reporter, signal });
    await reporter.report({ message: messages.writingTranslations, counters: {} });
    const chosen = new Set(selected.map((document) => document.pageId));
    const kept = site.translations.filter((translation) => !chosen.has(translation.pageId) && languages.includes(translation.language));
    const write = await writeSolution({
      root,
      solution: solution.id,
      layout: solution.layout ?? site.manifest.layout,
      documents: site.documents,
      assets: site.assets,
      translations: [...translations, ...kept],
      languages,
      signal,
    });
    return { counters: { ...reporter.counters }, files: mergeChanges([write]), exportFiles: 0, warnings: [...reporter.warnings] };
  } catch (error) {
    throw toPipelineError(reporter.failureOr(error), { step: reporter.step, cancelled: options.signal?.aborted === true, pageId });
  }
}
