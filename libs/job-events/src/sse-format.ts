import { SseError } from './errors';

/** One Server-Sent Events message. At least one field must be present. */
export interface SseMessage {
  id?: string;
  event?: string;
  /** A string is sent as text (one `data:` line per line); anything else as compact JSON. */
  data?: unknown;
  /** Reconnection delay for the client, ms. */
  retry?: number;
  comment?: string;
}

/** Headers for an SSE response (the original's, minus its `Access-Control-Allow-Origin: *`). */
export const SSE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
});

const LINE_BREAK = /\r\n|\r|\n/;

function singleLine(field: string, value: string): string {
  if (/[\r\n\0]/.test(value)) throw new SseError(`SSE ${field} must be one line without NUL`, field);
  return value;
}

function toJson(data: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(data);
  } catch (error) {
    throw new SseError(`SSE data is not JSON: ${error instanceof Error ? error.message : String(error)}`, 'data');
  }
  if (text === undefined) throw new SseError('SSE data is not JSON (a function or symbol)', 'data');
  return text;
}

/**
 * Frames a message, fields in sse-starlette's order (comment, id, event, data, retry), `\n` line ends and a
 * blank line after. (The original used `\r\n`; the SSE spec accepts both.)
 */
export function formatSseEvent(message: SseMessage): string {
  const lines: string[] = [];
  if (message.comment !== undefined) for (const line of message.comment.split(LINE_BREAK)) lines.push(`: ${line}`);
  if (message.id !== undefined) lines.push(`id: ${singleLine('id', message.id)}`);
  if (message.event !== undefined) lines.push(`event: ${singleLine('event', message.event)}`);
  if (message.data !== undefined) {
    const text = typeof message.data === 'string' ? message.data : toJson(message.data);
    for (const line of text.split(LINE_BREAK)) lines.push(`data: ${line}`);
  }
  if (message.retry !== undefined) {
    if (!Number.isInteger(message.retry) || message.retry < 0) throw new SseError('SSE retry must be a non-negative integer', 'retry');
    lines.push(`retry: ${message.retry}`);
  }
  if (lines.length === 0) throw new SseError('An SSE message needs at least one field', 'data');
  return `${lines.join('\n')}\n\n`;
}

/** A keep-alive comment, `: ping - <UTC ISO>` as sse-starlette sends it. Clients ignore comments. */
export function formatSseHeartbeat(now: Date): string {
  return `: ping - ${now.toISOString()}\n\n`;
}
