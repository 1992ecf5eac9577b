import type { Redis } from 'ioredis';
import { ManualsCacheError, redisCall } from './errors';
import { MANUALS_STREAM, keySpace } from './keys';
import type { KeySpace } from './keys';
import { entryFields } from './stream-entry';

/** The event type of the invalidations on `MANUALS_STREAM`; `data` is a `ManualsInvalidation`. */
export const MANUALS_UPDATED_EVENT = 'manuals_updated';

/**
 * One node of a solution's manual tree in the original service's `GET /manuals` item shape (what
 * `@zmp-manual/notion-exporter`'s `toManualsItems` makes).
 */
export interface ManualsCacheItem {
  object_id: string;
  /** The page's slug (the original sent the slug as `title`). */
  title: string;
  is_directory: boolean;
  parent_id: string | null;
  notion_url: string;
  index: number;
  last_edited_time: string | null;
  last_edited_by: string | null;
  last_editor_avatar_url: string | null;
}

/** A solution's cached tree: flat pre-order, root first. */
export interface ManualsCacheEntry<TItem = ManualsCacheItem> {
  solution: string;
  items: TItem[];
  /** When it was stored (UTC ISO). */
  updated_at: string;
}

/** What `put` announces on `MANUALS_STREAM`, so every API replica drops its in-memory copy of `solution`. */
export interface ManualsInvalidation {
  solution: string;
  updated_at: string;
  count: number;
}

export interface ManualsCacheStoreOptions {
  redis: Redis;
  keyPrefix: string;
  /** Approximate cap of `MANUALS_STREAM` (default 1000). */
  streamMaxLength?: number;
  clock?: () => Date;
}

/**
 * The manuals cache (the tree behind `GET /manuals`) per solution, in Redis: `<prefix>manuals:cache:<solution>`
 * holds the JSON entry. `put` stores it and appends a `manuals_updated` event to the `manuals` stream in the
 * same transaction, so a replica that sees the event always reads the new entry. Replicas follow the stream
 * with `EventBus.subscribe({stream: MANUALS_STREAM})`.
 */
export class ManualsCacheStore<TItem = ManualsCacheItem> {
  private readonly keys: KeySpace;
  private readonly clock: () => Date;

  constructor(private readonly options: ManualsCacheStoreOptions) {
    this.keys = keySpace(options.keyPrefix);
    this.clock = options.clock ?? (() => new Date());
  }

  /** The cached tree of `solution`, or null when there is none. */
  get(solution: string): Promise<ManualsCacheEntry<TItem> | null> {
    return redisCall('ManualsCacheStore.get', async () => {
      const json = await this.options.redis.get(this.keys.manualsCache(checked(solution)));
      return json === null ? null : (JSON.parse(json) as ManualsCacheEntry<TItem>);
    });
  }

  /** Replaces the tree of `solution` and announces it on `MANUALS_STREAM`. Returns the entry and the event id. */
  put(solution: string, items: readonly TItem[]): Promise<ManualsCacheEntry<TItem> & { eventId: string }> {
    return redisCall('ManualsCacheStore.put', async () => {
      const entry: ManualsCacheEntry<TItem> = { solution: checked(solution), items: [...items], updated_at: this.clock().toISOString() };
      const invalidation: ManualsInvalidation = { solution, updated_at: entry.updated_at, count: items.length };
      const replies = await this.options.redis
        .multi()
        .set(this.keys.manualsCache(solution), JSON.stringify(entry))
        .xadd(this.keys.stream(MANUALS_STREAM), 'MAXLEN', '~', this.options.streamMaxLength ?? 1000, '*', ...entryFields(MANUALS_UPDATED_EVENT, invalidation))
        .exec();
      const failed = replies?.find(([error]) => error !== null);
      if (!replies || failed) throw failed?.[0] ?? new Error('MULTI was discarded');
      return { ...entry, eventId: replies[1][1] as string };
    });
  }
}

function checked(solution: string): string {
  if (!solution || /[\s*?[\]]/.test(solution)) throw new ManualsCacheError(`Not a solution key: ${JSON.stringify(solution)}`, solution);
  return solution;
}
