import OpenAI from 'openai';
import { ProviderError, TranslatorError } from '../errors';
import { quotaAwareFetch, toProviderError } from './openai-error.mapper';
import { RESPONSE_FORMAT, readAnswer, systemPrompt, userMessage } from './prompt';
import type { ProviderRequest, ProviderResult, TranslationProvider } from './provider.types';

export interface OpenAIProviderOptions {
  /** A ready client (any OpenAI-compatible server). Without it, one is made from `apiKey` and `baseURL`. */
  client?: OpenAI;
  apiKey?: string;
  /** E.g. `http://127.0.0.1:4010/v1` or an Azure/OpenRouter/vLLM endpoint. Default: OpenAI's. */
  baseURL?: string;
  /** Default `gpt-4o-mini`. */
  model?: string;
  /**
   * Retries of 408/409/429/5xx and connection errors by the client, honouring `retry-after`. Default 2
   * (with `client`: the client's own setting unless this is given).
   */
  maxRetries?: number;
  /** Per request, milliseconds. Default 120000 (with `client`: the client's own unless given). */
  timeoutMs?: number;
  /** `max_completion_tokens` of each request; unset by default (the model's own limit). */
  maxOutputTokens?: number;
  /** The fetch the made client uses (tests, proxies). */
  fetch?: typeof fetch;
}

/**
 * Chat completions at temperature 0 with a strict JSON schema answer `{segments: [{id, text}]}`. The
 * client retries 408/409/429/5xx itself (honouring `retry-after`); `insufficient_quota` is never retried
 * and stops the run (`ProviderError` code `insufficient_quota`, fatal).
 */
export function createOpenAIProvider(options: OpenAIProviderOptions): TranslationProvider {
  if (options.client === undefined && (options.apiKey === undefined || options.apiKey.length === 0)) {
    throw new TranslatorError('invalid_options', 'createOpenAIProvider needs a client or an apiKey');
  }
  const maxRetries = options.maxRetries ?? 2;
  const timeout = options.timeoutMs ?? 120_000;
  if (!Number.isInteger(maxRetries) || maxRetries < 0) throw new TranslatorError('invalid_options', 'maxRetries must be a non-negative integer');
  if (!Number.isInteger(timeout) || timeout < 1) throw new TranslatorError('invalid_options', 'timeoutMs must be a positive integer');
  const client =
    options.client ?? new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL, maxRetries, timeout, fetch: quotaAwareFetch(options.fetch) });
  // A caller's own client keeps its retry and timeout policy unless these options are set.
  const requestOptions = {
    ...(options.client === undefined || options.maxRetries !== undefined ? { maxRetries } : {}),
    ...(options.client === undefined || options.timeoutMs !== undefined ? { timeout } : {}),
  };
  const model = options.model ?? 'gpt-4o-mini';

  return {
    name: 'openai',
    model,
    async translate(request: ProviderRequest): Promise<ProviderResult> {
      let completion: OpenAI.Chat.Completions.ChatCompletion;
      try {
        completion = await client.chat.completions.create(
          {
            model,
            temperature: 0,
            messages: [
              { role: 'system', content: systemPrompt(request.from, request.to, request.glossary) },
              { role: 'user', content: userMessage(request.to, request.segments) },
            ],
            response_format: RESPONSE_FORMAT,
            ...(options.maxOutputTokens === undefined ? {} : { max_completion_tokens: options.maxOutputTokens }),
          },
          { signal: request.signal, ...requestOptions },
        );
      } catch (error) {
        throw toProviderError(error);
      }
      const usage = { promptTokens: completion.usage?.prompt_tokens ?? 0, completionTokens: completion.usage?.completion_tokens ?? 0 };
      const fields = { ...usage };
      const choice = completion.choices[0];
      if (choice?.message.refusal) throw new ProviderError('refusal', `The model refused: ${choice.message.refusal}`, fields);
      if (choice?.finish_reason === 'content_filter') throw new ProviderError('content_filter', 'The answer was blocked by the content filter', fields);
      if (choice?.finish_reason === 'length') throw new ProviderError('truncated', 'The answer was cut at the token limit', fields);
      const translations = readAnswer(choice?.message.content ?? '');
      if (translations === undefined) throw new ProviderError('invalid_response', 'The answer is not {"segments":[{"id","text"}]}', fields);
      return { translations, ...usage };
    },
  };
}
