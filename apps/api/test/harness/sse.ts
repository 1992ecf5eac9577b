import { EventSource } from 'eventsource';
import http from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';

/** One SSE frame as the wire had it. */
export interface SseFrame {
  id?: string;
  event?: string;
  data?: string;
  retry?: string;
  comments: string[];
}

/** Splits an event stream into frames (blank-line separated; `\n` or `\r\n` line ends). */
export function parseSse(text: string): SseFrame[] {
  const frames: SseFrame[] = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    if (block.trim() === '') continue;
    const frame: SseFrame = { comments: [] };
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith(':')) {
        frame.comments.push(line.slice(1).trim());
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') frame.data = frame.data === undefined ? value : `${frame.data}\n${value}`;
      else if (field === 'id' || field === 'event' || field === 'retry') frame[field] = value;
    }
    frames.push(frame);
  }
  return frames;
}

/** The text up to the end of the last complete frame (a chunk may end in the middle of one). */
function completeFrames(text: string): string {
  const end = Math.max(text.lastIndexOf('\n\n'), text.lastIndexOf('\r\n\r\n'));
  return end < 0 ? '' : text.slice(0, end);
}

export interface RawSse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  frames: SseFrame[];
  /** Milliseconds from the request to the server ending the response. */
  elapsedMs: number;
}

/**
 * A GET read to its end with node:http (no reconnection, nothing interpreted): what the server sent, and
 * proof that it closed the stream. Rejects when the stream is still open after `timeoutMs`.
 */
export function readToEnd(url: string, headers: Record<string, string> = {}, timeoutMs = 60_000): Promise<RawSse> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const req = http.get(url, { headers: { Accept: 'text/event-stream', ...headers }, agent: false }, (res) => {
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        clearTimeout(timer);
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, frames: parseSse(text), elapsedMs: Date.now() - started });
      });
      res.on('error', reject);
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`${url}: still open after ${timeoutMs} ms; received so far:\n${Buffer.concat(chunks).toString('utf8').slice(-2_000)}`));
    }, timeoutMs);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** An event an EventSource dispatched: `message` for unnamed `data:` events; `id` is its `lastEventId`. */
export interface WatchedEvent {
  type: string;
  id: string;
  data: string;
  /** Which connection brought it: 1 for the first, 2 after the first reconnection, … */
  connection: number;
}

/**
 * A real SSE client (the `eventsource` package, what a frontend's polyfill does): sends `Authorization`
 * through a custom fetch, reconnects by itself with `Last-Event-ID` when the connection drops, and is closed
 * by the watcher once `event: done` arrives.
 */
export class EventSourceWatcher {
  /** Every named or unnamed event but the pings, in order. */
  readonly events: WatchedEvent[] = [];
  pings = 0;
  /** How many times a connection opened (1 + reconnections). */
  opens = 0;
  /** The `Last-Event-ID` header of every request the client made (undefined on the first), and when it was made. */
  readonly requests: Array<{ lastEventId: string | undefined; at: number }> = [];
  readonly done: Promise<WatchedEvent[]>;
  private readonly source: EventSource;

  constructor(url: string, options: { token?: string; onEvent?: (event: WatchedEvent) => void; timeoutMs?: number } = {}) {
    let settle: (error?: Error) => void = () => undefined;
    this.done = new Promise((resolve, reject) => {
      settle = (error) => (error ? reject(error) : resolve(this.events));
    });
    const timer = setTimeout(() => {
      this.source.close();
      settle(new Error(`${url}: no "done" event within ${options.timeoutMs ?? 60_000} ms; events so far: ${JSON.stringify(this.events.slice(-5))}`));
    }, options.timeoutMs ?? 60_000);
    this.source = new EventSource(url, {
      fetch: (input, init) => {
        this.requests.push({ lastEventId: init.headers['Last-Event-ID'], at: Date.now() });
        const headers: Record<string, string> = { ...init.headers };
        if (options.token) headers.Authorization = `Bearer ${options.token}`;
        return fetch(input, { ...init, headers });
      },
    });
    this.source.addEventListener('open', () => {
      this.opens += 1;
    });
    const keep = (type: string) => (event: MessageEvent) => {
      const watched = { type, id: event.lastEventId, data: String(event.data), connection: this.opens };
      this.events.push(watched);
      options.onEvent?.(watched);
      if (type === 'done') {
        clearTimeout(timer);
        this.source.close();
        settle();
      }
    };
    for (const type of ['message', 'info', 'done', 'status']) this.source.addEventListener(type, keep(type));
    this.source.addEventListener('ping', () => {
      this.pings += 1;
    });
  }

  /** The unnamed data events, parsed (the job's status JSON). */
  statuses<T = Record<string, unknown>>(): T[] {
    return this.events.filter((event) => event.type === 'message').map((event) => JSON.parse(event.data) as T);
  }

  close(): void {
    this.source.close();
  }
}

/**
 * A GET whose event stream is read until `enough(frames)` holds, then dropped by the client (for streams
 * that never end on their own, such as the notifications stream). Non-200 answers, and streams the server
 * ends or cuts first, resolve at their end.
 */
export function readUntil(url: string, headers: Record<string, string>, enough: (frames: SseFrame[]) => boolean, timeoutMs = 20_000): Promise<RawSse> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (status: number, responseHeaders: IncomingHttpHeaders) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({ status, headers: responseHeaders, text, frames: parseSse(status === 200 ? completeFrames(text) : text), elapsedMs: Date.now() - started });
    };
    const req = http.get(url, { headers: { Accept: 'text/event-stream', ...headers }, agent: false }, (res) => {
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        if (res.statusCode === 200 && enough(parseSse(completeFrames(Buffer.concat(chunks).toString('utf8'))))) finish(200, res.headers);
      });
      res.on('end', () => finish(res.statusCode ?? 0, res.headers));
      // A connection the server cut (rather than ended) also ends the read.
      res.on('close', () => finish(res.statusCode ?? 0, res.headers));
      res.on('error', () => undefined);
    });
    const timer = setTimeout(() => {
      settled = true;
      req.destroy();
      reject(new Error(`${url}: condition not met within ${timeoutMs} ms; received:\n${Buffer.concat(chunks).toString('utf8').slice(-2_000)}`));
    }, timeoutMs);
    req.on('error', (error) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        reject(error);
      }
    });
  });
}
