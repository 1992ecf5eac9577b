import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { BusReader } from './bus-reader';
import type { XReadReply } from './bus-reader';
import { EventBusError, redisCall } from './errors';
import { keySpace } from './keys';
import type { KeySpace } from './keys';
import { MergedSubscription } from './merged-subscription';
import { decodeEntry, entryFields } from './stream-entry';
import type { BusEvent } from './stream-entry';
import { compareStreamIds, isStreamId, normalizeStreamId } from './stream-id';
import { Subscription } from './subscription';
import type { SubscriptionHost } from './subscription';

export interface EventBusOptions {
  /** Connection for XADD, XRANGE and the wake-ups (shared, never blocked). */
  redis: Redis;
  /**
   * Makes the bus's own connection for the blocking XREAD (default `redis.duplicate()`); the bus closes it.
   * Must return a new connection at each call (a connection that ended for good is replaced).
   */
  createReader?: () => Redis;
  /** Prepended to every key, e.g. `zmp:`. */
  keyPrefix: string;
  /** Approximate cap of each stream (`XADD MAXLEN ~`, default 1000). */
  streamMaxLength?: number;
  /** Live events a subscriber may have waiting before it is dropped as `slow_consumer` (default 1000). */
  subscriberBufferSize?: number;
  /** Entries per stream per XREAD (default 500) and per replay page (default 500). */
  readCount?: number;
  replayPageSize?: number;
  /** Longest XREAD block (default 10 000 ms); only a safety net, wake-ups restart it at once. */
  blockMs?: number;
  /** Told about reader errors (the reader retries with back-off and re-connects; see bus-reader.ts). */
  onError?: (error: unknown) => void;
}

export interface PublishInput {
  /** Stream name without the prefix: `jobStream(id)`, `userNotificationStream(user)`, `SYSTEM_NOTIFICATION_STREAM`, … */
  stream: string;
  type: string;
  data: unknown;
}

export interface SubscribeInput {
  stream: string;
  /** Replay entries after this id (a Last-Event-ID), then follow; absent = only new entries. `"0"` = from the start. */
  after?: string;
  signal?: AbortSignal;
  /** Overrides `subscriberBufferSize` for this subscriber. */
  bufferSize?: number;
}

export interface SubscribeManyInput {
  streams: readonly string[];
  /** A cursor from a previous `CursorEvent.cursor` (one id per stream, joined by `,`). */
  after?: string;
  signal?: AbortSignal;
  bufferSize?: number;
}

interface StreamState {
  name: string;
  /** The last id read from Redis for this stream: every later entry is dispatched to `subscribers`. */
  cursor: string;
  subscribers: Set<Subscription>;
}

/**
 * Events on capped Redis Streams with one blocking reader per bus (per process) that fans out to any number
 * of local subscribers. The reader runs one XREAD over every stream with local subscribers plus a
 * per-instance wake-up stream (`<prefix>bus:wake:<uuid>`): when a subscriber adds a stream, the bus XADDs a
 * wake-up entry, the XREAD returns, and the next one covers the new set. Streams nobody follows any more are
 * left out of the next XREAD.
 */
export class EventBus implements SubscriptionHost {
  private readonly keys: KeySpace;
  private readonly streams = new Map<string, StreamState>();
  private readonly wakeKey: string;
  private reader: BusReader | null = null;
  private closed = false;

  constructor(private readonly options: EventBusOptions) {
    this.keys = keySpace(options.keyPrefix);
    this.wakeKey = this.keys.busWake(randomUUID());
  }

  /** Appends an event; resolves to its durable id. */
  publish(input: PublishInput): Promise<string> {
    return redisCall('EventBus.publish', async () => {
      if (!input.stream || !input.type) throw new EventBusError('invalid_event', 'An event needs a stream and a type', input.stream || null);
      const id = await this.options.redis.xadd(this.keys.stream(input.stream), 'MAXLEN', '~', this.options.streamMaxLength ?? 1000, '*', ...entryFields(input.type, input.data));
      return id as string;
    });
  }

  subscribe(input: SubscribeInput): Subscription {
    if (this.closed) throw new EventBusError('bus_closed', 'The event bus was closed', input.stream);
    return new Subscription(this, {
      stream: input.stream,
      key: this.keys.stream(input.stream),
      after: input.after === undefined ? null : this.parseId(input.after, input.stream),
      bufferSize: input.bufferSize ?? this.options.subscriberBufferSize ?? 1000,
      replayPageSize: this.options.replayPageSize ?? 500,
      signal: input.signal,
    });
  }

  /** Several streams as one iterable; each event carries a `cursor` to resume all of them. */
  subscribeMany(input: SubscribeManyInput): MergedSubscription {
    const afters = input.after === undefined ? [] : input.after.split(',');
    if (input.after !== undefined && afters.length !== input.streams.length) {
      throw new EventBusError('invalid_event_id', `Cursor ${input.after} does not have one id per stream`, null);
    }
    const bufferSize = input.bufferSize ?? this.options.subscriberBufferSize ?? 1000;
    const children = input.streams.map((stream, i) => this.subscribe({ stream, after: afters[i], signal: input.signal, bufferSize }));
    return new MergedSubscription(children, bufferSize);
  }

  /** Streams the reader follows and local subscribers, for metrics. */
  stats(): { streams: number; subscribers: number } {
    let subscribers = 0;
    for (const state of this.streams.values()) subscribers += state.subscribers.size;
    return { streams: this.streams.size, subscribers };
  }

  /** Ends every subscription (`bus_closed`), stops the reader and closes its connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const state of [...this.streams.values()]) for (const subscriber of [...state.subscribers]) subscriber.end('bus_closed');
    this.streams.clear();
    await this.reader?.stop();
    await this.options.redis.del(this.wakeKey).catch(() => undefined);
  }

  attach(subscription: Subscription): Promise<string> {
    return redisCall('EventBus.attach', async () => {
      let state = this.streams.get(subscription.key);
      if (!state) {
        const last = await this.options.redis.xrevrange(subscription.key, '+', '-', 'COUNT', 1);
        if (this.closed) throw new EventBusError('bus_closed', 'The event bus was closed', subscription.stream);
        state = this.streams.get(subscription.key);
        if (!state) {
          state = { name: subscription.stream, cursor: last[0]?.[0] ?? '0-0', subscribers: new Set() };
          this.streams.set(subscription.key, state);
          this.startReader();
          this.reader?.wake();
        }
      }
      state.subscribers.add(subscription);
      return state.cursor;
    });
  }

  detach(subscription: Subscription): void {
    const state = this.streams.get(subscription.key);
    if (!state?.subscribers.delete(subscription)) return;
    if (state.subscribers.size === 0) this.streams.delete(subscription.key);
  }

  replayPage(key: string, stream: string, after: string, until: string, count: number): Promise<BusEvent[]> {
    return redisCall('EventBus.replayPage', async () => {
      if (compareStreamIds(after, until) >= 0) return [];
      const entries = await this.options.redis.xrange(key, `(${after}`, until, 'COUNT', count);
      return entries.map(([id, fields]) => decodeEntry(stream, id, fields));
    });
  }

  private parseId(id: string, stream: string): string {
    if (!isStreamId(id)) throw new EventBusError('invalid_event_id', `Not a stream id: ${JSON.stringify(id)}`, stream);
    return normalizeStreamId(id);
  }

  private startReader(): void {
    if (this.reader) return;
    const { options } = this;
    this.reader = new BusReader({
      createReader: options.createReader ?? (() => options.redis.duplicate()),
      redis: options.redis,
      wakeKey: this.wakeKey,
      readCount: options.readCount ?? 500,
      blockMs: options.blockMs ?? 10_000,
      cursors: () => [...this.streams.entries()].map(([key, state]) => [key, state.cursor]),
      dispatch: (reply) => this.dispatch(reply),
      onError: options.onError,
    });
  }

  private dispatch(reply: XReadReply): void {
    for (const [key, entries] of reply) {
      const state = this.streams.get(key);
      if (!state) continue;
      for (const [id, fields] of entries) {
        if (compareStreamIds(id, state.cursor) <= 0) continue;
        state.cursor = id;
        const event = Object.freeze(decodeEntry(state.name, id, fields));
        for (const subscriber of [...state.subscribers]) subscriber.push(event);
      }
    }
  }
}
