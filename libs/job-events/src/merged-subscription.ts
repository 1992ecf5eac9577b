import { EventBusError } from './errors';
import type { BusEvent } from './stream-entry';
import { compareStreamIds } from './stream-id';
import type { Subscription } from './subscription';

/** An event of a merged subscription, with the cursor to resume the whole set after it. */
export interface CursorEvent<T = unknown> extends BusEvent<T> {
  /** The last id seen on each stream, in the order the streams were given, joined by `,`. */
  cursor: string;
  /** Read back from before the subscription started (a resume), rather than received live. */
  replayed: boolean;
}

/**
 * Several streams as one async iterable, in arrival order (ids of different streams are not comparable, so
 * a resume point is a cursor with one id per stream). The children are drained eagerly into one buffer of
 * at most `bufferSize` events; one more and the whole subscription is dropped (`slow_consumer`).
 */
export class MergedSubscription implements AsyncIterable<CursorEvent> {
  readonly ready: Promise<void>;
  private queue: { event: BusEvent; index: number; replayed: boolean }[] = [];
  private positions: string[] = [];
  private failure: unknown = null;
  private finished = 0;
  private closed = false;
  private waiter: (() => void) | null = null;
  private iterated = false;

  constructor(
    private readonly children: readonly Subscription[],
    private readonly bufferSize: number,
  ) {
    this.ready = Promise.all(children.map((child) => child.ready)).then(() => {
      this.positions = children.map((child) => child.startId ?? '0-0');
    });
    this.ready.catch(() => undefined); // surfaced by the iterator
    children.forEach((child, index) => void this.pump(child, index));
  }

  /** The cursor of the consumer's position (after `ready`). */
  get cursor(): string {
    return this.positions.join(',');
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const child of this.children) child.close();
    this.notify();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<CursorEvent> {
    if (this.iterated) throw new TypeError('a MergedSubscription can be iterated only once');
    this.iterated = true;
    try {
      await this.ready;
      for (;;) {
        if (this.failure) throw this.failure;
        const next = this.queue.shift();
        if (next) {
          this.positions[next.index] = next.event.id;
          yield { ...next.event, cursor: this.cursor, replayed: next.replayed };
          continue;
        }
        if (this.closed || this.finished === this.children.length) return;
        await new Promise<void>((resolve) => (this.waiter = resolve));
      }
    } finally {
      this.close();
    }
  }

  private async pump(child: Subscription, index: number): Promise<void> {
    try {
      for await (const event of child) {
        if (this.queue.length >= this.bufferSize) {
          return this.fail(new EventBusError('slow_consumer', `Subscriber of ${child.stream} fell too far behind and was dropped`, child.stream));
        }
        this.queue.push({ event, index, replayed: compareStreamIds(event.id, child.liveFrom ?? '0-0') <= 0 });
        this.notify();
      }
      this.finished += 1;
      this.notify();
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    if (this.failure || this.closed) return;
    this.failure = error;
    this.queue = [];
    for (const child of this.children) child.close();
    this.notify();
  }

  private notify(): void {
    const wake = this.waiter;
    this.waiter = null;
    wake?.();
  }
}
