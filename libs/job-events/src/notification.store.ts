import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { NotificationStoreError, redisCall } from './errors';
import { SYSTEM_NOTIFICATION_STREAM, keySpace, userNotificationStream } from './keys';
import type { KeySpace } from './keys';
import type { Notification, NotificationInput } from './notification';
import { NOTIFICATION_STATUSES, NOTIFICATION_TYPES, toNotificationWire } from './notification';
import { clearMarkHides, parseClearMark } from './notification-clear-mark';
import { NotificationQuery } from './notification.query';
import { RedisScript } from './redis-script';
import { entryFields } from './stream-entry';

/** KEYS: stream. ARGV: min id. Trims the stream to ids >= ARGV[1], and deletes it once empty. */
const trimStreamScript = new RedisScript(`
redis.call('XTRIM', KEYS[1], 'MINID', ARGV[1])
if redis.call('XLEN', KEYS[1]) == 0 then redis.call('DEL', KEYS[1]) end
return 1
`);

/** The event type of notification events; `data` is the `Notification` (with `is_read: false`). */
export const NOTIFICATION_EVENT = 'notification';

export interface NotificationStoreOptions {
  redis: Redis;
  keyPrefix: string;
  /** The most notifications kept; the oldest go first (default 1000, the original's unenforced limit). */
  maxCount?: number;
  /** Age after which `prune()` deletes a notification (default 30 days). */
  maxAgeMs?: number;
  /** Approximate cap of each notification stream (default 1000). */
  streamMaxLength?: number;
  clock?: () => Date;
}

export interface NotificationListOptions {
  /** Default 50. */
  limit?: number;
  /** Also read ones (default false). */
  includeRead?: boolean;
  /** Every user's notifications too — for admins, when they ask (default false). */
  includeAll?: boolean;
  /** Only this job's notifications. */
  jobId?: string;
}

/**
 * Notifications on Redis: user-specific and system-wide, listed per viewer (theirs + system-wide), with
 * per-user read markers and per-user clearing (clearing deletes the user's own notifications and hides the
 * system-wide ones up to then for that user only), bounded by count and age. Creating one also appends it
 * to `notifications:<user>` or `notifications:*`. A user id may not be empty nor `*`.
 */
export class NotificationStore {
  private readonly keys: KeySpace;
  private readonly maxCount: number;
  private readonly maxAgeMs: number;
  private readonly clock: () => Date;
  private readonly query: NotificationQuery;

  constructor(private readonly options: NotificationStoreOptions) {
    this.keys = keySpace(options.keyPrefix);
    this.maxCount = options.maxCount ?? 1000;
    this.maxAgeMs = options.maxAgeMs ?? 30 * 24 * 3600 * 1000;
    this.clock = options.clock ?? (() => new Date());
    this.query = new NotificationQuery(options.redis, this.keys);
  }

  create(input: NotificationInput): Promise<Notification> {
    return redisCall('NotificationStore.create', async () => {
      if (!NOTIFICATION_STATUSES.includes(input.status)) throw new NotificationStoreError('invalid_notification', `Unknown status ${String(input.status)}`, null);
      if (input.notification_type !== undefined && !NOTIFICATION_TYPES.includes(input.notification_type)) {
        throw new NotificationStoreError('invalid_notification', `Unknown notification_type ${String(input.notification_type)}`, null);
      }
      if (input.user_id === '' || input.user_id === '*') {
        // `notifications:*` is the system-wide stream: a user called `*` would broadcast to everyone.
        throw new NotificationStoreError('invalid_notification', `Not a user id: ${JSON.stringify(input.user_id)}`, null);
      }
      const now = this.clock();
      const notification = toNotificationWire({
        id: randomUUID(),
        status: input.status,
        title: input.title,
        message: input.message,
        solution: input.solution ?? null,
        user_id: input.user_id ?? null,
        job_id: input.job_id ?? null,
        created_at: now.toISOString(),
        is_read: false,
        document_title: input.document_title ?? null,
        notification_type: input.notification_type ?? (input.job_id ? 'job_result' : 'system'),
        node: input.node ?? null,
      });
      const k = this.keys;
      const userId = notification.user_id;
      const score = now.getTime();
      const stream = k.stream(userId === null ? SYSTEM_NOTIFICATION_STREAM : userNotificationStream(userId));
      const tx = this.options.redis
        .multi()
        .set(k.notification(notification.id), JSON.stringify(notification))
        .zadd(k.notificationIndexAll, score, notification.id)
        .zadd(userId === null ? k.notificationIndexSystem : k.notificationIndexUser(userId), score, notification.id)
        .xadd(stream, 'MAXLEN', '~', this.options.streamMaxLength ?? 1000, '*', ...entryFields(NOTIFICATION_EVENT, notification));
      // A user who gets nothing more for maxAgeMs does not keep a stream.
      if (userId !== null) tx.pexpire(stream, this.maxAgeMs);
      await tx.exec();
      const count = await this.options.redis.zcard(k.notificationIndexAll);
      if (count > this.maxCount) await this.remove(await this.options.redis.zrange(k.notificationIndexAll, 0, count - this.maxCount - 1));
      return notification;
    });
  }

  /** What `userId` sees, newest first: theirs and the system-wide ones they have not cleared (+ everyone's with `includeAll`). */
  list(userId: string, options: NotificationListOptions = {}): Promise<Notification[]> {
    return redisCall('NotificationStore.list', async () => {
      return this.query.list(userId, options);
    });
  }

  async latest(userId: string, options: Omit<NotificationListOptions, 'limit'> = {}): Promise<Notification | null> {
    return (await this.list(userId, { ...options, limit: 1 }))[0] ?? null;
  }

  /**
   * The notification as `userId` sees it (`is_read` theirs), or `null` when it is gone, someone else's, or
   * hidden by their clear. The notification SSE session re-checks replayed events with it.
   */
  view(userId: string, notificationId: string): Promise<Notification | null> {
    return redisCall('NotificationStore.view', async () => {
      const k = this.keys;
      const [json, readScore, clearMark] = await Promise.all([
        this.options.redis.get(k.notification(notificationId)),
        this.options.redis.zscore(k.notificationRead(userId), notificationId),
        this.options.redis.get(k.notificationCleared(userId)),
      ]);
      const notification = json === null ? null : (JSON.parse(json) as Notification);
      if (!notification || (notification.user_id !== null && notification.user_id !== userId)) return null;
      if (notification.user_id === null && clearMarkHides(parseClearMark(clearMark), Date.parse(notification.created_at), notification.id)) return null;
      return toNotificationWire(notification, readScore !== null);
    });
  }

  /** Marks a notification read for this user only; `notification_not_found` if it is not visible to them. */
  markRead(userId: string, notificationId: string): Promise<Notification> {
    return redisCall('NotificationStore.markRead', async () => {
      const notification = await this.view(userId, notificationId);
      if (!notification) throw new NotificationStoreError('notification_not_found', `Notification ${notificationId} not found`, notificationId);
      const readKey = this.keys.notificationRead(userId);
      const cutoff = this.clock().getTime() - this.maxAgeMs;
      await this.options.redis
        .multi()
        .zadd(readKey, Date.parse(notification.created_at), notificationId)
        .zremrangebyscore(readKey, '-inf', `(${cutoff}`)
        .pexpire(readKey, this.maxAgeMs)
        .exec();
      return toNotificationWire(notification, true);
    });
  }

  /** Clears for this user only: deletes their own notifications, hides the system-wide ones so far. */
  clear(userId: string): Promise<{ deleted: number }> {
    return redisCall('NotificationStore.clear', async () => {
      const k = this.keys;
      const own = await this.options.redis.zrange(k.notificationIndexUser(userId), 0, -1);
      const newestSystem = await this.options.redis.zrevrange(k.notificationIndexSystem, 0, 0, 'WITHSCORES');
      if (newestSystem.length === 2) {
        const score = Number(newestSystem[1]);
        const ids = await this.options.redis.zrangebyscore(k.notificationIndexSystem, score, score);
        await this.options.redis.set(k.notificationCleared(userId), JSON.stringify({ score, ids }));
      }
      await this.remove(own);
      return { deleted: own.length };
    });
  }

  /**
   * Retention: deletes notifications created before `before` (default now − maxAgeMs), and trims the
   * streams they were on to the same time (`XTRIM MINID`, so a resuming client cannot replay them; stream
   * ids are Redis server time, which the default clock is expected to agree with), deleting a stream left
   * empty. Returns how many.
   */
  prune(before: Date = new Date(this.clock().getTime() - this.maxAgeMs)): Promise<number> {
    return redisCall('NotificationStore.prune', async () => {
      let removed = 0;
      const streams = new Set<string>([SYSTEM_NOTIFICATION_STREAM]);
      for (;;) {
        const ids = await this.options.redis.zrangebyscore(this.keys.notificationIndexAll, '-inf', `(${before.getTime()}`, 'LIMIT', 0, 500);
        if (ids.length === 0) break;
        for (const userId of await this.remove(ids)) streams.add(userId === null ? SYSTEM_NOTIFICATION_STREAM : userNotificationStream(userId));
        removed += ids.length;
      }
      for (const stream of streams) await trimStreamScript.run(this.options.redis, [this.keys.stream(stream)], [before.getTime()]);
      return removed;
    });
  }

  /** Deletes notifications; resolves to the user ids they were for (`null` = system-wide). */
  private async remove(ids: readonly string[]): Promise<Set<string | null>> {
    const users = new Set<string | null>();
    if (ids.length === 0) return users;
    const k = this.keys;
    const jsons = await this.options.redis.mget(ids.map(k.notification));
    const tx = this.options.redis.multi();
    ids.forEach((id, i) => {
      const json = jsons[i];
      const userId = json ? (JSON.parse(json) as Notification).user_id : null;
      users.add(userId);
      tx.del(k.notification(id)).zrem(k.notificationIndexAll, id).zrem(userId === null ? k.notificationIndexSystem : k.notificationIndexUser(userId), id);
    });
    await tx.exec();
    return users;
  }
}
