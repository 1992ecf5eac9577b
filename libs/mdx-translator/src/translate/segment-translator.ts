import { ProviderError, TranslatorError } from '../errors';
import type { GlossaryTerm, TranslationProvider } from '../providers/provider.types';
import type { SegmentValidator } from '../segments/segment-validator';
import type { Segment } from '../segments/segment.types';
import type { RequestLimiter } from './request-limiter';
import { packRequests } from './token-budget';
import type { FailureReason } from './translation-report';
import { termsIn } from './glossary';

export interface SegmentTranslatorContext {
  provider: TranslationProvider;
  limiter: RequestLimiter;
  validator: SegmentValidator;
  from: string;
  to: string;
  glossary: readonly GlossaryTerm[];
  maxChunkTokens: number;
  /** Times a failed segment is sent again, alone. */
  retries: number;
  signal?: AbortSignal;
  /** Called after every answered request with the number of segments it settled. */
  onSettled?: (count: number) => void;
}

export interface SegmentTranslations {
  accepted: Map<string, string>;
  failed: Map<string, FailureReason>;
  promptTokens: number;
  completionTokens: number;
  requests: number;
}

/**
 * Sends segments packed under the token budget, validates every answer, sends each failed segment
 * again alone (up to `retries` times), and reports the rest as failed. A fatal provider error
 * (quota, authentication, unknown model, abort) stops everything and is thrown.
 */
export async function translateSegments(context: SegmentTranslatorContext, segments: readonly Segment[]): Promise<SegmentTranslations> {
  const result: SegmentTranslations = { accepted: new Map(), failed: new Map(), promptTokens: 0, completionTokens: 0, requests: 0 };

  const settle = async (segment: Segment, reason: FailureReason, attempt: number): Promise<void> => {
    if (attempt < context.retries) return send([segment], attempt + 1);
    result.failed.set(segment.id, reason);
    context.onSettled?.(1);
  };

  const send = async (batch: Segment[], attempt: number): Promise<void> => {
    if (context.signal?.aborted) throw new TranslatorError('aborted', 'The translation was aborted');
    let answers: Map<string, string>;
    try {
      result.requests += 1;
      const answer = await context.limiter.run(
        () =>
          context.provider.translate({
            from: context.from,
            to: context.to,
            segments: batch.map(({ id, text }) => ({ id, text })),
            glossary: termsIn(batch.map((segment) => segment.text).join('\n'), context.glossary),
            signal: context.signal,
          }),
        context.signal,
      );
      result.promptTokens += answer.promptTokens;
      result.completionTokens += answer.completionTokens;
      answers = new Map(answer.translations.map(({ id, text }) => [id, text]));
    } catch (error) {
      if (error instanceof TranslatorError) throw error;
      const failure = error instanceof ProviderError ? error : new ProviderError('invalid_response', String(error));
      if (failure.fatal) throw context.signal?.aborted ? new TranslatorError('aborted', 'The translation was aborted') : failure;
      result.promptTokens += failure.promptTokens;
      result.completionTokens += failure.completionTokens;
      await Promise.all(batch.map((segment) => settle(segment, failure.code as FailureReason, attempt)));
      return;
    }
    let settled = 0;
    await Promise.all(
      batch.map((segment) => {
        const translation = answers.get(segment.id);
        const problem = translation === undefined ? 'missing_in_answer' : context.validator.check(segment, translation);
        if (problem === undefined && translation !== undefined) {
          result.accepted.set(segment.id, translation);
          settled += 1;
          return undefined;
        }
        return settle(segment, problem ?? 'missing_in_answer', attempt);
      }),
    );
    if (settled > 0) context.onSettled?.(settled);
  };

  await Promise.all(packRequests(segments, context.maxChunkTokens).map((batch) => send(batch, 0)));
  return result;
}
