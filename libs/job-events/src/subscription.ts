import { EventBusError } from './errors';
import type { BusEvent } from './stream-entry';
import { compareStreamIds } from './stream-id';

/** Why a subscription ended: `closed` by its consumer, dropped as a `slow_consumer`, `bus_closed`, or `aborted` by its signal. */
export type SubscriptionEndReason = 'closed' | 'slow_consumer' | 'bus_closed' | 'aborted';

/** What a subscription needs from the bus that feeds it. */
export interface SubscriptionHost {
  /** Registers the subscription with the reader; resolves to the boundary id: every later entry is pushed. */
  attach(subscription: Subscription): Promise<string>;
  detach(subscription: Subscription): void;
  /** Entries with `after < id <= until`, oldest first, at most `count`. */
  replayPage(key: string, stream: string, after: string, until: string, count: number): Promise<BusEvent[]>;
}

export interface SubscriptionSettings {
  stream: string;
  key: string;
  /** Start after this id (replay); `null` = only what comes next. */
  after: string | null;
  bufferSize: number;
  replayPageSize: number;
  signal?: AbortSignal;
}

/**
 * One subscriber of one stream: an async iterable that first replays the stream from `after` (read page by
 * page as the consumer pulls) up to the boundary where the reader's live feed starts, then yields the live
 * entries. Live entries wait in a buffer of at most `bufferSize`; one more and the subscription is dropped
 * (`slow_consumer`: the buffer is freed and the iterator throws), so a stuck consumer neither grows memory
 * nor delays the others. The consumer resumes from `lastId`.
 */
export class Subscription implements AsyncIterable<BusEvent> {
  readonly stream: string;
  readonly key: string;
  /** Resolves once the subscription is registered with the reader (rejects if the bus is closed). */
  readonly ready: Promise<void>;
  private position: string | null;
  private startPosition: string | null = null;
  private boundary = '0-0';
  private replayQueue: BusEvent[] = [];
  private replayDone = false;
  private live: BusEvent[] = [];
  private waiter: (() => void) | null = null;
  private reason: SubscriptionEndReason | null = null;
  private iterated = false;

  constructor(
    private readonly host: SubscriptionHost,
    private readonly settings: SubscriptionSettings,
  ) {
    this.stream = settings.stream;
    this.key = settings.key;
    this.position = settings.after;
    this.ready = this.register();
    this.ready.catch(() => undefined); // surfaced by the iterator
    const { signal } = settings;
    if (signal?.aborted) this.end('aborted');
    else signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  /** The last id handed to the consumer (or the starting point): resume from here. `null` before `ready`. */
  get lastId(): string | null {
    return this.position;
  }

  /** Where the consumer's view starts (the `after` given, or the live boundary). `null` before `ready`. */
  get startId(): string | null {
    return this.startPosition;
  }

  /** Entries up to this id are replayed (XRANGE), later ones come live from the reader. `null` before `ready`. */
  get liveFrom(): string | null {
    return this.startPosition === null ? null : this.boundary;
  }

  /** Why it ended, or `null` while it runs. */
  get endReason(): SubscriptionEndReason | null {
    return this.reason;
  }

  /** Live entries waiting for the consumer (never more than the buffer size). */
  get buffered(): number {
    return this.live.length;
  }

  /** Called by the reader, synchronously, for each new entry of the stream. */
  push(event: BusEvent): void {
    if (this.reason) return;
    if (this.live.length >= this.settings.bufferSize) return this.end('slow_consumer');
    this.live.push(event);
    this.notify();
  }

  close(): void {
    this.end('closed');
  }

  /** Ends the subscription (idempotent); the bus uses it with `bus_closed`. */
  end(reason: SubscriptionEndReason): void {
    if (this.reason) return;
    this.reason = reason;
    this.live = [];
    this.replayQueue = [];
    this.settings.signal?.removeEventListener('abort', this.onAbort);
    this.host.detach(this);
    this.notify();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<BusEvent> {
    if (this.iterated) throw new TypeError('a Subscription can be iterated only once');
    this.iterated = true;
    try {
      await this.ready;
      for (let event = await this.next(); event; event = await this.next()) yield event;
    } finally {
      this.close();
    }
  }

  private readonly onAbort = () => this.end('aborted');

  private async register(): Promise<void> {
    const boundary = await this.host.attach(this);
    if (this.reason) return this.host.detach(this);
    this.boundary = boundary;
    if (this.position === null || compareStreamIds(this.position, boundary) >= 0) {
      this.position ??= boundary;
      this.replayDone = true;
    }
    this.startPosition = this.position;
  }

  private notify(): void {
    const wake = this.waiter;
    this.waiter = null;
    wake?.();
  }

  private async next(): Promise<BusEvent | null> {
    for (;;) {
      if (this.reason === 'slow_consumer' || this.reason === 'bus_closed') {
        const message = this.reason === 'slow_consumer' ? `Subscriber of ${this.stream} fell too far behind and was dropped` : 'The event bus was closed';
        throw new EventBusError(this.reason, message, this.stream);
      }
      if (this.reason) return null;
      const replayed = this.replayQueue.shift();
      if (replayed) {
        this.position = replayed.id;
        return replayed;
      }
      if (!this.replayDone) {
        const size = this.settings.replayPageSize;
        const page = await this.host.replayPage(this.key, this.stream, this.position ?? '0-0', this.boundary, size);
        if (page.length < size) this.replayDone = true;
        if (!this.reason) this.replayQueue = page;
        continue;
      }
      for (let event = this.live.shift(); event; event = this.live.shift()) {
        if (this.position === null || compareStreamIds(event.id, this.position) > 0) {
          this.position = event.id;
          return event;
        }
      }
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }
}
