import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { CompletionUsage } from 'openai/resources/completions';
import type { Answer } from './answer';

/** The fields shared by a completion and its chunks. */
export interface CompletionMeta {
  id: string;
  /** Unix seconds. */
  created: number;
  model: string;
}

export const SYSTEM_FINGERPRINT = 'fp_openai_emulator';

export function usageOf(promptTokens: number, completionTokens: number): CompletionUsage {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

/** A `chat.completion` object (the non-streamed answer). */
export function completionBody(meta: CompletionMeta, answer: Answer, usage: CompletionUsage): ChatCompletion {
  return {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: answer.refusal !== null || answer.finishReason === 'content_filter' ? null : answer.content,
          refusal: answer.refusal,
          annotations: [],
        },
        logprobs: null,
        finish_reason: answer.finishReason,
      },
    ],
    usage,
    service_tier: 'default',
    system_fingerprint: SYSTEM_FINGERPRINT,
  };
}

/**
 * The `chat.completion.chunk` objects of a streamed answer: the role, the content in pieces of
 * `chunkSize` code points, the finish reason, and (with `include_usage`) a last chunk with no choices
 * and the usage, every other chunk carrying `usage: null`.
 */
export function completionChunks(
  meta: CompletionMeta,
  answer: Answer,
  usage: CompletionUsage | undefined,
  chunkSize: number,
): ChatCompletionChunk[] {
  const envelope = {
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
    service_tier: 'default',
    system_fingerprint: SYSTEM_FINGERPRINT,
  } as const;
  const chunk = (
    delta: ChatCompletionChunk.Choice.Delta,
    finishReason: ChatCompletionChunk.Choice['finish_reason'],
  ): ChatCompletionChunk => ({
    ...envelope,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...(usage === undefined ? {} : { usage: null }),
  });

  const refusal = answer.refusal !== null;
  const codePoints = Array.from(answer.refusal ?? answer.content);
  const chunks = [chunk({ role: 'assistant', content: refusal ? null : '', refusal: null }, null)];
  for (let start = 0; start < codePoints.length; start += chunkSize) {
    const piece = codePoints.slice(start, start + chunkSize).join('');
    chunks.push(chunk(refusal ? { refusal: piece } : { content: piece }, null));
  }
  chunks.push(chunk({}, answer.finishReason));
  if (usage !== undefined) {
    chunks.push({ ...envelope, choices: [], usage });
  }
  return chunks;
}
