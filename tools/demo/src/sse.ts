/** One server-sent event as the wire had it (comments and pings dropped by the reader below). */
export interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

/** Splits complete frames off `buffer`: the events in them and what is left (an unfinished frame). */
export function takeFrames(buffer: string): { events: SseEvent[]; rest: string } {
  const events: SseEvent[] = [];
  const normalised = buffer.replace(/\r\n?/g, '\n');
  const end = normalised.lastIndexOf('\n\n');
  if (end < 0) return { events, rest: normalised };
  for (const block of normalised.slice(0, end).split('\n\n')) {
    let id: string | undefined;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') data.push(value);
      else if (field === 'event') event = value;
      else if (field === 'id') id = value;
    }
    if (data.length > 0) events.push({ id, event, data: data.join('\n') });
  }
  return { events, rest: normalised.slice(end + 2) };
}

export interface WatchOptions {
  /** `Authorization: Bearer <token>` on every request. */
  token: string;
  /** Every event but pings, in order. Return `true` to stop reading (the watch then resolves). */
  onEvent: (event: SseEvent) => boolean;
  signal?: AbortSignal;
  /** Reconnections allowed (with `Last-Event-ID`) when the connection drops before `onEvent` said stop. */
  retries?: number;
}

/**
 * Reads an SSE stream with fetch (headers allowed, unlike a browser's EventSource) until `onEvent` returns
 * true; a dropped connection is resumed with `Last-Event-ID`, so no event is missed or repeated.
 */
export async function watchSse(url: string, options: WatchOptions): Promise<void> {
  let lastEventId: string | undefined;
  let retriesLeft = options.retries ?? 3;
  for (;;) {
    const headers: Record<string, string> = { Accept: 'text/event-stream', Authorization: `Bearer ${options.token}` };
    if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId;
    try {
      const response = await fetch(url, { headers, signal: options.signal });
      if (response.status !== 200 || response.body === null) {
        throw new Error(`GET ${url} answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
      }
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        const { events, rest } = takeFrames(buffer);
        buffer = rest;
        for (const event of events) {
          if (event.id) lastEventId = event.id;
          if (event.event === 'ping') continue;
          if (options.onEvent(event)) {
            await response.body.cancel().catch(() => undefined);
            return;
          }
        }
      }
      throw new Error(`GET ${url}: the server ended the stream before the job finished`);
    } catch (error) {
      if (options.signal?.aborted || retriesLeft === 0 || (error instanceof Error && / answered \d/.test(error.message))) throw error;
      retriesLeft -= 1;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
