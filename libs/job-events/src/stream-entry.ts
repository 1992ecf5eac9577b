/**
 * How one event is stored in a Redis Stream entry: two fields, `type` and `data` (JSON). The job store's
 * Lua scripts write the same two fields, so its status events and `EventBus.publish` agree.
 */

/** One event as a subscriber receives it. */
export interface BusEvent<T = unknown> {
  /** The stream entry id: durable, ordered, usable as an SSE `id:` and a resume point. */
  id: string;
  /** The stream's name without the key prefix, e.g. `job:3c…`. */
  stream: string;
  type: string;
  data: T;
}

export function entryFields(type: string, data: unknown): string[] {
  return ['type', type, 'data', JSON.stringify(data ?? null)];
}

export function decodeEntry(stream: string, id: string, fields: readonly string[]): BusEvent {
  let type = 'message';
  let raw = 'null';
  for (let i = 0; i + 1 < fields.length; i += 2) {
    if (fields[i] === 'type') type = fields[i + 1];
    else if (fields[i] === 'data') raw = fields[i + 1];
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    data = raw; // written by someone else: pass the text through
  }
  return { id, stream, type, data };
}
