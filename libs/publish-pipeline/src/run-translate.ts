import { resolve } from 'node:path';
import { writeSolution } from '@zmp-manual/docusaurus-writer';
import { PipelineError } from './errors/pipeline-error';
import { parseNotionId } from './notion-id';
import { translationProgress } from './progress';
import { messages } from './report/messages';
import { RunReporter } from './report/run-reporter';
import { askedPageId, guardRun, runSignal } from './run/run-guard';
import { siteRunResult } from './run/site-run-result';
import { selectSiteDocuments } from './scope/site-selection';
import { readSite } from './site/site-reader';
import type { RunTranslateOptions, SiteRunResult } from './site-runs.types';
import { targetLanguages } from './translate/target-languages';
import { translateDocuments } from './translate/translate-documents';

/**
 * Translates the pages of a solution that docusaurus-writer wrote into a site folder (read back through its
 * manifest) into `languages`, and writes the translations next to them (other languages are kept), without
 * git: the `translating` step of a publish. Throws a `PipelineError` (`invalid_page_id`,
 * `translation_failed`, `cancelled`, `unknown_error`).
 */
export async function runTranslate(options: RunTranslateOptions): Promise<SiteRunResult> {
  const { solution, secrets } = options;
  const reporter = new RunReporter(options.reporter, { secrets, logger: options.logger });
  return guardRun(reporter, { signal: options.signal, secrets, pageId: parseNotionId(options.pageId) }, async () => {
    const pageId = options.pageId === undefined ? undefined : askedPageId(options.pageId);
    const languages = targetLanguages(options.languages, solution.sourceLanguage ?? 'en');
    const root = resolve(options.siteDir);
    const signal = runSignal(reporter, options.signal);
    await reporter.report({ status: 'translating', message: messages.readingSite, ...translationProgress(0, 1) });
    const site = await readSite({ root, solution: solution.id, signal });
    if (site.manifest === undefined || site.documents.length === 0) {
      throw new PipelineError('translation_failed', `The site ${root} holds no pages of solution ${solution.id}: export them first`, { code: 'nothing_to_translate' });
    }
    const selected = selectSiteDocuments(site.documents, solution.id, pageId, options.isDirectory ?? false);
    if (languages.length === 0) {
      await reporter.report({ status: 'translating', message: messages.nothingToTranslate, ...translationProgress(1, 1) });
      return siteRunResult(reporter, []);
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
    return siteRunResult(reporter, [write]);
  });
}
