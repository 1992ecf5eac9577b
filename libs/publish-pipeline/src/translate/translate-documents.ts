import { translateFiles } from '@zmp-manual/mdx-translator';
import type { FileTranslation } from '@zmp-manual/mdx-translator';
import type { Translation } from '@zmp-manual/docusaurus-writer';
import type { PipelineTranslationOptions } from '../pipeline.types';
import { translationProgress } from '../progress';
import { messages } from '../report/messages';
import type { RunReporter } from '../report/run-reporter';
import { compileMdx, compiles } from './mdx-verify';

/** A page to translate: its id, where it lives in the solution folder (unique), its text. */
export interface SourceDocument {
  pageId: string;
  relativePath: string;
  mdx: string;
}

export interface TranslateDocumentsInput {
  documents: readonly SourceDocument[];
  languages: readonly string[];
  /** Source language (default `en`). */
  from?: string;
  translation: PipelineTranslationOptions;
  reporter: RunReporter;
  signal?: AbortSignal;
}

/** Why segments kept their source text, in one line per file × language. */
function fallbackLine(result: FileTranslation): string | undefined {
  const { failed } = result.report;
  if (failed.length === 0) return undefined;
  const reasons = [...new Set(failed.map((segment) => segment.reason))].sort().join(', ');
  return `${result.path} [${result.language}]: ${failed.length} segment(s) kept in the source language (${reasons})`;
}

/**
 * Translates the documents into every language with mdx-translator, reporting one message per file ×
 * language (the original's `"<pct>%(<cur>/<total>) - <file> [<lang>]"`) and the translation half of the
 * progress. Each translated file must compile as MDX (`verify`); a source that does not compile itself is
 * translated without that check (and a warning). Segments that fell back to the source are warnings, not
 * failures; a fatal provider or translator error is thrown.
 */
export async function translateDocuments(input: TranslateDocumentsInput): Promise<Translation[]> {
  const { documents, languages, reporter, translation } = input;
  const total = documents.length * languages.length;
  const checked: SourceDocument[] = [];
  const unchecked: SourceDocument[] = [];
  for (const document of documents) (await compiles(document.mdx) ? checked : unchecked).push(document);
  const log = unchecked.map((document) => reporter.warn(`${document.relativePath} does not compile as MDX: its translations are not compiled either`));
  await reporter.report({ status: 'translating', message: messages.translating, ...translationProgress(0, total), log });

  const pageOf = new Map(documents.map((document) => [document.relativePath, document.pageId]));
  const translations: Translation[] = [];
  let done = 0;
  for (const [group, verify] of [[checked, compileMdx], [unchecked, undefined]] as const) {
    if (group.length === 0) continue;
    const offset = done;
    const { results, totals } = await translateFiles({
      files: group.map((document) => ({ path: document.relativePath, source: document.mdx })),
      languages,
      from: input.from ?? 'en',
      provider: translation.provider,
      memory: translation.memory,
      glossary: translation.glossary,
      maxConcurrentRequests: translation.maxConcurrentRequests,
      maxChunkTokens: translation.maxChunkTokens,
      signal: input.signal,
      verify,
      onProgress: ({ current, file, language }) => {
        reporter.post({ message: messages.translatedFile(offset + current, total, file, language), ...translationProgress(offset + current, total) });
      },
    });
    done += results.length;
    await reporter.flush();
    reporter.count({ segments: totals.segments, tokens: totals.promptTokens + totals.completionTokens, cache_hits: totals.fromMemory });
    const lines = results.flatMap((result) => {
      const line = fallbackLine(result);
      return line === undefined ? [] : [reporter.warn(line)];
    });
    lines.push(`Translation: ${totals.segments} segments, ${totals.fromMemory} from memory, ${totals.sent} sent in ${totals.requests} requests, ${totals.promptTokens + totals.completionTokens} tokens`);
    await reporter.report({ counters: {}, log: lines });
    for (const result of results) translations.push({ language: result.language, pageId: pageOf.get(result.path) as string, mdx: result.mdx });
  }
  return translations;
}
