import type { ChatMessage } from './chat-request';
import { LANGUAGE_CODE_SOURCE, isLanguageCode } from './translate';

/** One segment of the JSON payload protocol. The id is echoed back as is. */
export interface Segment {
  id: string | number;
  text: string;
}

export interface SegmentsPayload {
  targetLanguage: string | undefined;
  segments: Segment[];
}

const LANGUAGE_ROLES: ReadonlySet<ChatMessage['role']> = new Set(['system', 'developer', 'user']);
const TARGET_LINE = new RegExp(`^[\\t ]*target[\\t ]+language[\\t ]*:[\\t ]*(${LANGUAGE_CODE_SOURCE})(?![\\w-])`, 'gim');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The language named by a `Target language: <code>` line (case-insensitive) in the system, developer
 * and user messages. When several are present, the last line of the latest message wins.
 */
export function findTargetLanguageLine(messages: readonly ChatMessage[]): string | undefined {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index];
    if (!LANGUAGE_ROLES.has(message.role)) continue;
    const matches = [...message.text.matchAll(TARGET_LINE)];
    const last = matches.at(-1);
    if (last !== undefined) return last[1];
  }
  return undefined;
}

/** The last user message, the one that gets translated. */
export function lastUserMessage(messages: readonly ChatMessage[]): ChatMessage | undefined {
  return messages.findLast((message) => message.role === 'user');
}

/**
 * Reads `{"target_language"?: "ko", "segments": [{"id": "s1", "text": "..."}]}`: the whole message, or
 * else the first `{…}` in it that is the payload (after a text prefix, inside a ```json fence…).
 * Anything else (not JSON, no `segments` array, a segment without a string or number `id` and a string
 * `text`) is not the payload protocol and yields undefined. Other fields are ignored.
 */
export function readSegmentsPayload(content: string): SegmentsPayload | undefined {
  const whole = payloadOf(content);
  if (whole !== undefined) return whole;
  for (let start = content.indexOf('{'); start >= 0; start = content.indexOf('{', start + 1)) {
    const end = matchingBrace(content, start);
    if (end < 0) continue;
    const payload = payloadOf(content.slice(start, end + 1));
    if (payload !== undefined) return payload;
  }
  return undefined;
}

/** The index of the `}` closing the `{` at `start` (JSON strings skipped), or -1. */
function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '{') {
      depth += 1;
    } else if (char === '}') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}

function payloadOf(text: string): SegmentsPayload | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.segments)) return undefined;
  const segments: Segment[] = [];
  for (const item of parsed.segments as unknown[]) {
    if (!isRecord(item) || typeof item.text !== 'string') return undefined;
    if (typeof item.id !== 'string' && typeof item.id !== 'number') return undefined;
    segments.push({ id: item.id, text: item.text });
  }
  const language = parsed.target_language;
  const targetLanguage = typeof language === 'string' && isLanguageCode(language) ? language : undefined;
  return { targetLanguage, segments };
}
