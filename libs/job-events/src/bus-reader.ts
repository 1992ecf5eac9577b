import type { Redis } from 'ioredis';

/** One XREAD reply: per stream key, its entries `[id, fields]`. */
export type XReadReply = [string, [string, string[]][]][];

export interface BusReaderOptions {
  /** Makes a new connection for the blocking XREAD (called again if the current one ends for good). */
  createReader: () => Redis;
  /** The shared connection that XADDs the wake-ups. */
  redis: Redis;
  /** This reader's own wake-up stream key. */
  wakeKey: string;
  readCount: number;
  blockMs: number;
  /** The streams to read and the id after which each is read; asked before every XREAD. */
  cursors: () => [key: string, after: string][];
  /** Called synchronously with every reply (the wake-up stream left out). */
  dispatch: (reply: XReadReply) => void;
  onError?: (error: unknown) => void;
}

const ABANDONED = Symbol('abandoned');

/**
 * The bus's one blocking reader: a loop of `XREAD BLOCK` over every followed stream plus a wake-up stream.
 * Ids are explicit, so an XREAD that is repeated (after a reconnect, a retry, an abandoned call) reads
 * exactly what the last dispatched one did not. It survives what a long-lived connection meets:
 * - a dropped connection: ioredis re-sends the XREAD after reconnecting; if it was told not to
 *   (`autoResendUnfulfilledCommands: false`) the command would never settle, so the reader abandons it;
 * - a connection that stops answering (half-open TCP): when an XREAD has not returned two block periods
 *   plus a second after it was sent on a ready connection, the connection is dropped and re-made;
 * - a connection that ended for good (its retry strategy gave up): a new one is made;
 * - errors: reported to `onError`, retried with back-off (50 ms doubling to 2 s).
 */
export class BusReader {
  private reader: Redis;
  private readonly loop: Promise<void>;
  private wakeCursor = '0-0';
  private blocked = false;
  private wakeSent = false;
  private stopped = false;
  private abandon: (() => void) | null = null;

  constructor(private readonly options: BusReaderOptions) {
    this.reader = this.connect();
    this.loop = this.run();
  }

  /** The current set of streams changed: make a blocked XREAD return so that the next one covers it. */
  wake(): void {
    if (!this.blocked || this.wakeSent) return;
    this.wakeSent = true;
    this.options.redis
      .multi()
      .xadd(this.options.wakeKey, 'MAXLEN', 1, '*', 'w', '1')
      .pexpire(this.options.wakeKey, 60_000)
      .exec()
      .catch((error: unknown) => this.options.onError?.(error));
  }

  /** Stops the loop and closes the connection; resolves once the loop has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.abandon?.();
    this.reader.disconnect();
    await this.loop;
  }

  private connect(): Redis {
    const reader = this.options.createReader();
    reader.on('error', (error: unknown) => this.options.onError?.(error));
    return reader;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      const cursors = this.options.cursors();
      const args = ['STREAMS', this.options.wakeKey, ...cursors.map(([key]) => key), this.wakeCursor, ...cursors.map(([, after]) => after)];
      this.blocked = true;
      this.wakeSent = false;
      let reply: XReadReply | null | typeof ABANDONED;
      try {
        reply = await this.read(args);
        failures = 0;
      } catch (error) {
        this.blocked = false;
        if (this.stopped) break;
        this.options.onError?.(error);
        if (this.reader.status === 'end') {
          this.reader.disconnect();
          this.reader = this.connect();
        }
        failures += 1;
        await this.pause(Math.min(2000, 50 * 2 ** failures));
        continue;
      }
      this.blocked = false;
      if (reply === ABANDONED || reply === null || this.stopped) continue;
      const wake = reply.find(([key]) => key === this.options.wakeKey);
      if (wake) this.wakeCursor = wake[1][wake[1].length - 1]?.[0] ?? this.wakeCursor;
      this.options.dispatch(reply.filter(([key]) => key !== this.options.wakeKey));
    }
  }

  /** One XREAD, settled by its reply, its error, or abandoned when its connection drops it. */
  private read(args: string[]): Promise<XReadReply | null | typeof ABANDONED> {
    const reader = this.reader;
    const { blockMs } = this.options;
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearInterval(watchdog);
        reader.off('close', onClose);
        reader.off('end', onEnd);
        this.abandon = null;
        outcome();
      };
      const abandon = () => settle(() => resolve(ABANDONED));
      const onClose = () => {
        if (reader.options.autoResendUnfulfilledCommands === false) abandon();
      };
      const onEnd = () => settle(() => reject(new Error('The event bus reader connection ended')));
      const watchdog = setInterval(() => {
        if (reader.status === 'ready') reader.disconnect(true);
      }, 2 * blockMs + 1000);
      watchdog.unref();
      this.abandon = abandon;
      reader.on('close', onClose);
      reader.on('end', onEnd);
      (reader.xread('COUNT', this.options.readCount, 'BLOCK', blockMs, ...(args as ['STREAMS', ...string[]])) as Promise<XReadReply | null>).then(
        (reply) => settle(() => resolve(reply)),
        (error: unknown) => settle(() => reject(error)),
      );
    });
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.abandon = () => {
        this.abandon = null;
        done();
      };
    });
  }
}
