import type { SseMessage } from './sse-format';
import { formatSseEvent, formatSseHeartbeat } from './sse-format';

/** Anything SSE bytes can be written to: Node's `ServerResponse`, Express/Fastify raw responses, a test double. */
export interface SseSink {
  /** Returns `false` when the sink is full (then `drain` is awaited if the sink has `once`). */
  write(chunk: string): unknown;
  end(): unknown;
  on(event: 'close', listener: () => void): unknown;
  once?(event: 'drain', listener: () => void): unknown;
  off?(event: 'close', listener: () => void): unknown;
  /** Node's `writable.writableNeedDrain`: when true, heartbeats and pings are skipped (the client is not reading). */
  readonly writableNeedDrain?: boolean;
}

export interface SseTimingOptions {
  /** Keep-alive comment interval (default 15 000 ms; 0 = none). */
  heartbeatMs?: number;
  /** The original's `event: ping` / `data: ping - <time>` interval (default 10 000 ms; 0 = none). */
  pingEventMs?: number;
  /** Sent first as `retry:` (the client's reconnection delay), when given. */
  retryMs?: number;
  /** Ends the session (reason `aborted`). */
  signal?: AbortSignal;
  clock?: () => Date;
}

/** Why a session ended. */
export type SseEndReason = 'terminal' | 'not_found' | 'client_closed' | 'aborted' | 'slow_consumer' | 'bus_closed';

export interface SseSession {
  /** Resolves with the reason once the response has ended and everything is cleaned up. */
  readonly done: Promise<SseEndReason>;
  /** Ends the session from the server side. */
  close(): void;
}

/**
 * The writing side of one SSE response: framed writes that respect back-pressure, heartbeat and ping
 * timers, and one "stopped" notice for a client disconnect, an abort or `close()`.
 */
export class SseChannel {
  private stopReason: 'client_closed' | 'aborted' | null = null;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly stopListeners = new Set<() => void>();
  private ended = false;
  private readonly clock: () => Date;

  constructor(
    private readonly sink: SseSink,
    private readonly options: SseTimingOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
    sink.on('close', this.onClientClose);
    if (options.signal?.aborted) this.stop('aborted');
    else options.signal?.addEventListener('abort', this.onAbort, { once: true });
    const heartbeatMs = options.heartbeatMs ?? 15_000;
    const pingEventMs = options.pingEventMs ?? 10_000;
    if (heartbeatMs > 0) this.every(heartbeatMs, () => this.writeRaw(formatSseHeartbeat(this.clock())));
    if (pingEventMs > 0) this.every(pingEventMs, () => this.writeRaw(formatSseEvent({ event: 'ping', data: `ping - ${this.clock().toISOString()}` })));
    if (options.retryMs !== undefined) this.writeRaw(formatSseEvent({ retry: options.retryMs }));
  }

  /** Why the session was stopped from outside, or `null`. */
  get stopped(): 'client_closed' | 'aborted' | null {
    return this.stopReason;
  }

  /** Called once when the client goes away or the session is aborted/closed; returns an unsubscribe. */
  onStop(listener: () => void): () => void {
    if (this.stopReason) listener();
    else this.stopListeners.add(listener);
    return () => this.stopListeners.delete(listener);
  }

  stop(reason: 'client_closed' | 'aborted'): void {
    if (this.stopReason) return;
    this.stopReason = reason;
    const listeners = [...this.stopListeners];
    this.stopListeners.clear();
    for (const listener of listeners) listener();
  }

  /** Writes one message; waits for `drain` when the sink is full (or until the session stops). */
  async send(message: SseMessage): Promise<void> {
    if (this.stopReason || this.ended) return;
    if (this.sink.write(formatSseEvent(message)) === false && this.sink.once) {
      await new Promise<void>((resolve) => {
        const unsubscribe = this.onStop(resolve);
        this.sink.once?.('drain', () => {
          unsubscribe();
          resolve();
        });
      });
    }
  }

  /** Waits `ms`, cut short if the session stops. */
  delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.stopReason) return resolve();
      const unsubscribe = this.onStop(() => {
        clearTimeout(timer);
        resolve();
      });
      const timer = setTimeout(() => {
        unsubscribe();
        resolve();
      }, ms);
    });
  }

  now(): Date {
    return this.clock();
  }

  /** Ends the response and releases timers and listeners. */
  finish(): void {
    if (this.ended) return;
    this.ended = true;
    for (const timer of this.timers) clearInterval(timer);
    this.options.signal?.removeEventListener('abort', this.onAbort);
    this.sink.off?.('close', this.onClientClose);
    this.stopListeners.clear();
    if (this.stopReason !== 'client_closed') this.sink.end();
  }

  private readonly onClientClose = () => this.stop('client_closed');
  private readonly onAbort = () => this.stop('aborted');

  private every(ms: number, tick: () => void): void {
    const timer = setInterval(tick, ms);
    timer.unref();
    this.timers.push(timer);
  }

  /**
   * Heartbeats and pings: skipped while the client is not reading (the sink's buffer is over its mark), so a
   * stalled client costs no memory until it goes away; its connection is not idle anyway.
   */
  private writeRaw(chunk: string): void {
    if (this.stopReason || this.ended || this.sink.writableNeedDrain === true) return;
    this.sink.write(chunk);
  }
}

/**
 * Runs one SSE session: `body` writes to the channel and returns why it ended; the channel is finished
 * either way, and `close()` stops it from outside (the client went away, the server shuts down).
 */
export function runSseSession<O extends SseTimingOptions & { sink: SseSink }>(
  options: O,
  body: (options: O, channel: SseChannel) => Promise<SseEndReason>,
): SseSession {
  const channel = new SseChannel(options.sink, options);
  const done = body(options, channel).then(
    (reason) => {
      channel.finish();
      return reason;
    },
    (error: unknown) => {
      channel.finish();
      throw error;
    },
  );
  return { done, close: () => channel.stop('aborted') };
}
