import type { Redis } from 'ioredis';
import type { KeySpace } from './keys';
import type { Notification } from './notification';
import { toNotificationWire } from './notification';
import { clearMarkHides, parseClearMark } from './notification-clear-mark';

interface Source {
  key: string;
  /** Lowest score to read (exclusive when it starts with `(`). */
  min: string;
  offset: number;
  buffer: { id: string; score: number }[];
  done: boolean;
}

const CHUNK = 100;

/**
 * A viewer's notifications, newest first, without ever reading a whole index: the user's index and the
 * system index are read a chunk at a time and merged by score, so a page costs O(limit + filtered out).
 */
export class NotificationQuery {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeySpace,
  ) {}

  async list(userId: string, options: { limit?: number; includeRead?: boolean; includeAll?: boolean; jobId?: string }): Promise<Notification[]> {
    const limit = options.limit ?? 50;
    const k = this.keys;
    const cleared = parseClearMark(await this.redis.get(k.notificationCleared(userId)));
    const source = (key: string, min: string): Source => ({ key, min, offset: 0, buffer: [], done: false });
    const sources = options.includeAll
      ? [source(k.notificationIndexAll, '-inf')]
      : [source(k.notificationIndexUser(userId), '-inf'), source(k.notificationIndexSystem, cleared === null ? '-inf' : String(cleared.score))];
    const out: Notification[] = [];
    while (out.length < limit) {
      const batch = await this.nextCandidates(sources);
      if (batch.length === 0) break;
      const jsons = await this.redis.mget(batch.map((c) => k.notification(c.id)));
      const readScores = await this.redis.zmscore(k.notificationRead(userId), ...batch.map((c) => c.id));
      for (const [i, json] of jsons.entries()) {
        if (json === null) continue; // removed meanwhile
        const n = JSON.parse(json) as Notification;
        const isRead = readScores[i] !== null;
        if (n.user_id === null && clearMarkHides(cleared, batch[i].score, n.id)) continue;
        if (isRead && !options.includeRead) continue;
        if (options.jobId !== undefined && n.job_id !== options.jobId) continue;
        out.push(toNotificationWire(n, isRead));
        if (out.length === limit) break;
      }
    }
    return out;
  }

  /** Up to CHUNK candidates, merged newest first across the sources (ties by id, descending). */
  private async nextCandidates(sources: Source[]): Promise<{ id: string; score: number }[]> {
    const batch: { id: string; score: number }[] = [];
    while (batch.length < CHUNK) {
      await Promise.all(sources.filter((s) => s.buffer.length === 0 && !s.done).map((s) => this.fill(s)));
      let best: Source | null = null;
      for (const s of sources) {
        const head = s.buffer[0];
        if (!head) continue;
        const top = best?.buffer[0];
        if (!top || head.score > top.score || (head.score === top.score && head.id > top.id)) best = s;
      }
      const next = best?.buffer.shift();
      if (!next) break;
      batch.push(next);
    }
    return batch;
  }

  private async fill(s: Source): Promise<void> {
    const flat = await this.redis.zrevrangebyscore(s.key, '+inf', s.min, 'WITHSCORES', 'LIMIT', s.offset, CHUNK);
    for (let i = 0; i + 1 < flat.length; i += 2) s.buffer.push({ id: flat[i], score: Number(flat[i + 1]) });
    s.offset += flat.length / 2;
    if (flat.length / 2 < CHUNK) s.done = true;
  }
}
