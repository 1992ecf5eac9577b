import { TranslatorError } from '../errors';
import { assertLanguageCode } from '../languages';
import type { TranslationMemoryStore } from '../memory/memory-store';
import type { TranslationProvider } from '../providers/provider.types';
import type { VerifyDocument } from './document-check';
import type { Glossary } from './glossary';
import { createRequestLimiter } from './request-limiter';
import { translateMdx } from './translate-mdx';
import type { TranslationReport } from './translation-report';

export interface SourceFile {
  /** Any name the caller uses (a relative path); echoed in results, reports and progress. */
  path: string;
  source: string;
}

export interface FileTranslation {
  path: string;
  language: string;
  mdx: string;
  report: TranslationReport;
}

/** One file × language task finished; the shape publish-pipeline's `translationProgress(current, total)` takes. */
export interface FilesProgress {
  current: number;
  total: number;
  file: string;
  language: string;
}

export interface TranslateFilesOptions {
  files: readonly SourceFile[];
  /** Target languages (BCP-47). */
  languages: readonly string[];
  from?: string;
  provider: TranslationProvider;
  memory?: TranslationMemoryStore;
  glossary?: Glossary;
  signal?: AbortSignal;
  onProgress?: (progress: FilesProgress) => void;
  /** Requests at once across every file and language (`MAX_CONCURRENT_REQUESTS`). Default 5. */
  maxConcurrentRequests?: number;
  /** Estimated tokens of segment text per request (`MAX_CHUNK_SIZE`). Default 2000. */
  maxChunkTokens?: number;
  headingIds?: boolean;
  translatableAttributes?: readonly string[];
  segmentRetries?: number;
  verify?: VerifyDocument;
}

export interface TranslateFilesResult {
  /** Files × languages, in the order of `files`, then of `languages`. */
  results: FileTranslation[];
  totals: { segments: number; sent: number; fromMemory: number; failed: number; promptTokens: number; completionTokens: number; requests: number };
}

/**
 * Translates many files into many languages with one request limit shared by all of them. Tasks
 * start in order; a few more run than there are request slots, so requests keep flowing while one
 * document is parsed or checked. A fatal error (bad MDX, quota, authentication, abort) stops all.
 */
export async function translateFiles(options: TranslateFilesOptions): Promise<TranslateFilesResult> {
  for (const language of options.languages) assertLanguageCode(language);
  const limiter = createRequestLimiter(options.maxConcurrentRequests ?? 5);
  const tasks = options.files.flatMap((file) => options.languages.map((language) => ({ file, language })));
  const results: FileTranslation[] = new Array(tasks.length);
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  options.signal?.addEventListener('abort', stop, { once: true });
  let next = 0;
  let current = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next;
      next += 1;
      const { file, language } = tasks[index];
      const { mdx, report } = await translateMdx({
        source: file.source,
        from: options.from,
        to: language,
        provider: options.provider,
        memory: options.memory,
        glossary: options.glossary,
        signal: controller.signal,
        maxChunkTokens: options.maxChunkTokens,
        limiter,
        headingIds: options.headingIds,
        translatableAttributes: options.translatableAttributes,
        segmentRetries: options.segmentRetries,
        verify: options.verify,
        file: file.path,
        deferMemoryFlush: true,
      });
      results[index] = { path: file.path, language, mdx, report };
      current += 1;
      options.onProgress?.({ current, total: tasks.length, file: file.path, language });
    }
  };
  try {
    const workers = Math.min(tasks.length, limiter.max + 2);
    await Promise.all(Array.from({ length: workers }, worker));
  } catch (error) {
    controller.abort();
    // keep what the finished tasks translated, without hiding why the run stopped
    await options.memory?.flush().catch(() => undefined);
    if (options.signal?.aborted) throw new TranslatorError('aborted', 'The translation was aborted');
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', stop);
  }
  await options.memory?.flush();
  const totals = { segments: 0, sent: 0, fromMemory: 0, failed: 0, promptTokens: 0, completionTokens: 0, requests: 0 };
  for (const { report } of results) {
    totals.segments += report.segments;
    totals.sent += report.sent;
    totals.fromMemory += report.fromMemory;
    totals.failed += report.failed.length;
    totals.promptTokens += report.promptTokens;
    totals.completionTokens += report.completionTokens;
    totals.requests += report.requests;
  }
  return { results, totals };
}
