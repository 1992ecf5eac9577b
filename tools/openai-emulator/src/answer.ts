import type { ChatMessage, ChatRequest } from './chat-request';
import type { AnswerFaults } from './faults';
import { mutateFirstPlaceholder, splitPlaceholders } from './placeholders';
import { findTargetLanguageLine, readSegmentsPayload } from './prompt-reader';
import { countTextTokens, cutToTokens } from './tokens';
import { renderTranslation } from './translate';

export interface AnswerSettings {
  placeholderPattern: RegExp;
  defaultTargetLanguage: string;
}

export interface Answer {
  content: string;
  finishReason: 'stop' | 'length';
  targetLanguage: string;
}

/**
 * The emulator's "model": translates `user` (the last user message of `request`: the whole text, or
 * each segment of the JSON payload protocol), then applies the answer faults and the `max_tokens` limit.
 */
export function buildAnswer(
  request: ChatRequest,
  user: ChatMessage,
  settings: AnswerSettings,
  faults: AnswerFaults,
): Answer {
  const payload = readSegmentsPayload(user.text);
  const targetLanguage =
    payload?.targetLanguage ?? findTargetLanguageLine(request.messages) ?? settings.defaultTargetLanguage;

  const translate = (text: string): string => {
    const pieces = splitPlaceholders(text, settings.placeholderPattern);
    const spoiled = faults.mutation === undefined ? pieces : mutateFirstPlaceholder(pieces, faults.mutation);
    return renderTranslation(spoiled, targetLanguage);
  };

  let content: string;
  if (payload !== undefined) {
    content = JSON.stringify({ segments: payload.segments.map(({ id, text }) => ({ id, text: translate(text) })) });
  } else if (request.responseFormat.type === 'text') {
    content = translate(user.text);
  } else {
    content = JSON.stringify({ text: translate(user.text) });
  }

  if (faults.truncate) {
    const codePoints = Array.from(content);
    return { content: codePoints.slice(0, Math.floor(codePoints.length / 2)).join(''), finishReason: 'length', targetLanguage };
  }
  if (request.maxTokens !== undefined && countTextTokens(content) > request.maxTokens) {
    return { content: cutToTokens(content, request.maxTokens), finishReason: 'length', targetLanguage };
  }
  return { content, finishReason: 'stop', targetLanguage };
}
