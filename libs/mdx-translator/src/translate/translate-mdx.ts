import type { Root } from 'mdast';
import { ProviderError, TranslatorError } from '../errors';
import { assertLanguageCode } from '../languages';
import { memoryKey } from '../memory/memory-key';
import type { TranslationMemoryStore } from '../memory/memory-store';
import { parseMdx } from '../mdx/mdx-parser';
import { PROMPT_VERSION } from '../providers/prompt';
import type { TranslationProvider } from '../providers/provider.types';
import { extractSegments } from '../segments/segment-extractor';
import { SegmentValidator } from '../segments/segment-validator';
import type { Segment } from '../segments/segment.types';
import { createTermMatcher } from '../segments/term-matcher';
import type { VerifyDocument } from './document-check';
import { assembleChecked } from './document-check';
import type { Glossary } from './glossary';
import { resolveGlossary, termsIn } from './glossary';
import type { RequestLimiter } from './request-limiter';
import { createRequestLimiter } from './request-limiter';
import { translateSegments } from './segment-translator';
import type { TranslationReport } from './translation-report';

/** JSX attributes whose literal values are translated unless `translatableAttributes` says otherwise. */
export const DEFAULT_TRANSLATABLE_ATTRIBUTES: readonly string[] = ['title', 'alt', 'label', 'summary'];

export interface TranslateMdxOptions {
  source: string;
  /** Source language (BCP-47). Default `en`. */
  from?: string;
  /** Target language (BCP-47). */
  to: string;
  provider: TranslationProvider;
  memory?: TranslationMemoryStore;
  glossary?: Glossary;
  signal?: AbortSignal;
  /** Segments settled so far (translated, from memory, or failed) out of all. */
  onProgress?: (progress: { completed: number; total: number }) => void;
  /** Estimated tokens of segment text per request (`MAX_CHUNK_SIZE`). Default 2000. */
  maxChunkTokens?: number;
  /** Requests at once (`MAX_CONCURRENT_REQUESTS`), when no `limiter` is given. Default 5. */
  maxConcurrentRequests?: number;
  /** A limiter shared with other calls (translateFiles passes one). */
  limiter?: RequestLimiter;
  /** Add `{/* #id *\/}` to headings without an explicit id, from the source text. Default true. */
  headingIds?: boolean;
  translatableAttributes?: readonly string[];
  /** Times a failed segment is sent again alone before its source text is kept. Default 1. */
  segmentRetries?: number;
  /** Extra whole-file check, e.g. `(mdx) => compile(mdx, …)` from `@mdx-js/mdx`. */
  verify?: VerifyDocument;
  /** Named in the report and in errors. */
  file?: string;
  /** Leave `memory.flush()` to the caller (translateFiles flushes once at the end). */
  deferMemoryFlush?: boolean;
}

export interface TranslateMdxResult {
  mdx: string;
  report: TranslationReport;
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new TranslatorError('invalid_options', `${name} must be a positive integer`);
  return value;
}

function parseSource(source: string, file: string | undefined): Root {
  try {
    return parseMdx(source);
  } catch (error) {
    const place = error as { line?: number; column?: number; message?: string };
    throw new TranslatorError('invalid_mdx', `${file ?? 'The source'} is not valid MDX: ${place.message ?? String(error)}`, file, place.line, place.column);
  }
}

/**
 * Translates one MDX document: only its text changes; code, JSX, expressions, imports, URLs and every
 * untranslated byte stay as they were. Never returns a broken file: a segment that cannot be
 * translated keeps its source text and is listed in `report.failed`.
 */
export async function translateMdx(options: TranslateMdxOptions): Promise<TranslateMdxResult> {
  const from = options.from ?? 'en';
  assertLanguageCode(from, 'from');
  assertLanguageCode(options.to, 'to');
  const maxChunkTokens = positiveInteger(options.maxChunkTokens ?? 2000, 'maxChunkTokens');
  const retries = options.segmentRetries ?? 1;
  if (!Number.isInteger(retries) || retries < 0) throw new TranslatorError('invalid_options', 'segmentRetries must be a non-negative integer');
  const limiter = options.limiter ?? createRequestLimiter(options.maxConcurrentRequests ?? 5);
  if (options.signal?.aborted) throw new TranslatorError('aborted', 'The translation was aborted', options.file);

  const { source, provider, memory } = options;
  const glossary = resolveGlossary(options.glossary, options.to);
  const root = parseSource(source, options.file);
  const { segments, headingIds } = extractSegments(root, source, {
    terms: createTermMatcher(glossary.doNotTranslate),
    attributes: new Set(options.translatableAttributes ?? DEFAULT_TRANSLATABLE_ATTRIBUTES),
    headingIds: options.headingIds ?? true,
  });
  const validator = new SegmentValidator(source);
  const total = segments.length;
  let completed = 0;
  const progress = (count: number): void => {
    completed += count;
    options.onProgress?.({ completed, total });
  };

  const keys = new Map<string, string>();
  const keyOf = (segment: Segment): string =>
    memoryKey({ text: segment.text, from, to: options.to, model: provider.model, promptVersion: PROMPT_VERSION, glossary: termsIn(segment.text, glossary.terms) });
  const accepted = new Map<string, string>();
  const toSend: Segment[] = [];
  for (const segment of segments) {
    const key = keyOf(segment);
    keys.set(segment.id, key);
    const remembered = await memory?.get(options.to, key);
    if (remembered !== undefined && remembered.source === segment.text && validator.check(segment, remembered.translation) === undefined) {
      accepted.set(segment.id, remembered.translation);
    } else {
      toSend.push(segment);
    }
  }
  const fromMemory = accepted.size;
  if (fromMemory > 0) progress(fromMemory);

  const controller = new AbortController();
  const stop = (): void => controller.abort();
  options.signal?.addEventListener('abort', stop, { once: true });
  let sent;
  try {
    sent = await translateSegments(
      { provider, limiter, validator, from, to: options.to, glossary: glossary.terms, maxChunkTokens, retries, signal: controller.signal, onSettled: progress },
      toSend,
    );
  } catch (error) {
    controller.abort();
    if (options.signal?.aborted || (error instanceof ProviderError && error.code === 'aborted')) {
      throw new TranslatorError('aborted', 'The translation was aborted', options.file);
    }
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', stop);
  }
  for (const [id, translation] of sent.accepted) accepted.set(id, translation);

  const checked = await assembleChecked(source, segments, accepted, headingIds, options.verify);
  const dropped = new Set(checked.dropped);
  const textOf = (id: string): string => segments.find((segment) => segment.id === id)?.text ?? '';
  for (const [id, translation] of sent.accepted) {
    const key = keys.get(id);
    if (!dropped.has(id) && key !== undefined) await memory?.set(options.to, key, { source: textOf(id), translation });
  }
  if (memory !== undefined && !options.deferMemoryFlush) await memory.flush();

  const failed = [
    ...[...sent.failed].map(([id, reason]) => ({ id, reason, text: textOf(id) })),
    ...checked.dropped.map((id) => ({ id, reason: 'document_check_failed' as const, text: textOf(id) })),
  ].sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
  return {
    mdx: checked.mdx,
    report: {
      ...(options.file === undefined ? {} : { file: options.file }),
      from,
      language: options.to,
      segments: total,
      sent: toSend.length,
      fromMemory,
      failed,
      promptTokens: sent.promptTokens,
      completionTokens: sent.completionTokens,
      requests: sent.requests,
    },
  };
}
