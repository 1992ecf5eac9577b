import type { ChatMessage, ChatRequest } from './chat-request';
import { ApiError } from './errors';
import type { AnswerFaults } from './faults';
import { schemaMismatch, segmentsShapeOf, textPropertyOf } from './json-schema';
import { mutateFirstPlaceholder, splitPlaceholders } from './placeholders';
import { findTargetLanguageLine, readSegmentsPayload } from './prompt-reader';
import { countTextTokens, cutToTokens } from './tokens';
import { renderTranslation } from './translate';

export interface AnswerSettings {
  placeholderPattern: RegExp;
  defaultTargetLanguage: string;
}

/** What the `refusal` fault switch answers. */
export const REFUSAL_TEXT = 'I can’t help with that.';

export interface Answer {
  /** The content; empty for a refusal or a content-filter block (sent as `content: null`). */
  content: string;
  /** Set for a refusal (sent as `message.refusal`), else null. */
  refusal: string | null;
  finishReason: 'stop' | 'length' | 'content_filter';
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
  if (faults.block === 'refusal') return { content: '', refusal: REFUSAL_TEXT, finishReason: 'stop', targetLanguage };
  if (faults.block === 'contentFilter') return { content: '', refusal: null, finishReason: 'content_filter', targetLanguage };

  const translate = (text: string): string => {
    const pieces = splitPlaceholders(text, settings.placeholderPattern);
    const spoiled = faults.mutation === undefined ? pieces : mutateFirstPlaceholder(pieces, faults.mutation);
    return renderTranslation(spoiled, targetLanguage);
  };

  const format = request.responseFormat;
  const schema = format.type === 'json_schema' ? format.schema : undefined;
  let content: string;
  if (payload !== undefined) {
    const shape = segmentsShapeOf(schema) ?? { list: 'segments', id: 'id', idType: undefined, text: 'text' };
    const items = payload.segments.map(({ id, text }) => ({
      [shape.id]: shape.idType === 'string' ? String(id) : shape.idType === 'number' && /^-?\d+(?:\.\d+)?$/.test(String(id)) ? Number(id) : id,
      [shape.text]: translate(text),
    }));
    content = JSON.stringify({ [shape.list]: items });
  } else if (format.type === 'text') {
    content = translate(user.text);
  } else {
    content = JSON.stringify({ [textPropertyOf(schema) ?? 'text']: translate(user.text) });
  }
  if (format.type === 'json_schema' && format.strict && schema !== undefined) {
    const problem = schemaMismatch(JSON.parse(content), schema);
    if (problem !== undefined) throw cannotFollowSchema(format.name, problem);
  }

  if (faults.truncate) {
    const codePoints = Array.from(content);
    return { content: codePoints.slice(0, Math.floor(codePoints.length / 2)).join(''), refusal: null, finishReason: 'length', targetLanguage };
  }
  if (request.maxTokens !== undefined && countTextTokens(content) > request.maxTokens) {
    return { content: cutToTokens(content, request.maxTokens), refusal: null, finishReason: 'length', targetLanguage };
  }
  return { content, refusal: null, finishReason: 'stop', targetLanguage };
}

/** 500 for a strict schema the emulator cannot follow, telling the test writer which shapes it can write. */
function cannotFollowSchema(name: string, problem: string): ApiError {
  return new ApiError(
    500,
    `openai-emulator cannot follow the json_schema '${name}' (${problem}). It answers a segments payload with ` +
      `{"segments":[{"id","text"}]}, or with {"<list>":[{"<id>","<text>"}]} when the schema's root has exactly one ` +
      `property, an array of objects with an id-like property (id, key, index, …_id, …Id) and one string property; ` +
      `any other message with {"text"} or {"<name>"} for a root with exactly one string property. ` +
      'See tools/openai-emulator/README.md.',
    { type: 'server_error', code: 'emulator_schema_unsupported' },
  );
}
