import http from 'node:http';

/** One SSE event as parsed from the wire (comment-only frames are kept apart). */
export interface SseFrame {
  id?: string;
  event?: string;
  data?: string;
  retry?: string;
}

export type SseOpenResult =
  | { status: 200; headers: http.IncomingHttpHeaders; stream: SseTestStream }
  | { status: number; headers: http.IncomingHttpHeaders; body: string };

/**
 * A raw-HTTP SSE reader for specs: every byte as sent, frames parsed the way a browser would, no automatic
 * reconnection (so a test decides when to resume, and with which Last-Event-ID).
 */
export class SseTestStream {
  readonly frames: SseFrame[] = [];
  readonly comments: string[] = [];
  raw = '';
  /** Resolves when the server ends the response (or the connection drops). */
  readonly ended: Promise<void>;
  private buffer = '';
  private waiters: Array<() => void> = [];

  constructor(
    private readonly request: http.ClientRequest,
    response: http.IncomingMessage,
  ) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.push(chunk));
    this.ended = new Promise((resolve) => {
      response.on('end', resolve);
      response.on('close', resolve);
      response.on('error', () => resolve());
    });
    void this.ended.then(() => this.wake());
  }

  /** Waits until `count` frames (comments excluded) have arrived; rejects after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 5_000): Promise<SseFrame[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.frames.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} SSE frames, got ${this.frames.length}: ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.frames.slice(0, count);
  }

  /** Drops the connection from the client side. */
  close(): void {
    this.request.destroy();
  }

  private push(chunk: string): void {
    this.raw += chunk;
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const frame: SseFrame = {};
      let fields = 0;
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) {
          this.comments.push(line.slice(1).trim());
          continue;
        }
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') frame.data = frame.data === undefined ? value : `${frame.data}\n${value}`;
        else if (field === 'id' || field === 'event' || field === 'retry') frame[field] = value;
        else continue;
        fields += 1;
      }
      if (fields > 0) this.frames.push(frame);
    }
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

/** GET `url` as an SSE client (`Accept: text/event-stream`); a non-200 answer comes back with its body. */
export function openSse(url: string, headers: Record<string, string> = {}): Promise<SseOpenResult> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { Accept: 'text/event-stream', ...headers }, agent: false }, (response) => {
      const status = response.statusCode ?? 0;
      if (status === 200) return resolve({ status: 200, headers: response.headers, stream: new SseTestStream(request, response) });
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status, headers: response.headers, body }));
    });
    request.on('error', reject);
  });
}

/** The stream of a 200 answer; fails the test with the body otherwise. */
export async function openSseStream(url: string, headers: Record<string, string> = {}): Promise<SseTestStream> {
  const result = await openSse(url, headers);
  if (result.status !== 200 || !('stream' in result)) throw new Error(`expected an SSE stream from ${url}, got ${result.status} ${'body' in result ? result.body : ''}`);
  return result.stream;
}
