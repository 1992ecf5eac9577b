import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { NotificationStoreError } from './errors';
import { SYSTEM_NOTIFICATION_STREAM, keySpace, userNotificationStream } from './keys';
import type { KeySpace } from './keys';
import type { Notification, NotificationInput } from './notification';
import { NOTIFICATION_STATUSES, NOTIFICATION_TYPES, toNotificationWire } from './notification';
import { NotificationQuery } from './notification.query';
import { entryFields } from './stream-entry';

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
 * to `notifications:<user>` or `notifications:*`.
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

  async create(input: NotificationInput): Promise<Notification> {
    if (!NOTIFICATION_STATUSES.includes(input.status)) throw new NotificationStoreError('invalid_notification', `Unknown status ${String(input.status)}`, null);
    if (input.notification_type !== undefined && !NOTIFICATION_TYPES.includes(input.notification_type)) {
      throw new NotificationStoreError('invalid_notification', `Unknown notification_type ${String(input.notification_type)}`, null);
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
    await this.options.redis
      .multi()
      .set(k.notification(notification.id), JSON.stringify(notification))
      .zadd(k.notificationIndexAll, score, notification.id)
      .zadd(userId === null ? k.notificationIndexSystem : k.notificationIndexUser(userId), score, notification.id)
      .xadd(
        k.stream(userId === null ? SYSTEM_NOTIFICATION_STREAM : userNotificationStream(userId)),
        'MAXLEN',
        '~',
        this.options.streamMaxLength ?? 1000,
        '*',
        ...entryFields(NOTIFICATION_EVENT, notification),
      )
      .exec();
    const count = await this.options.redis.zcard(k.notificationIndexAll);
    if (count > this.maxCount) await this.remove(await this.options.redis.zrange(k.notificationIndexAll, 0, count - this.maxCount - 1));
    return notification;
  }

  /** What `userId` sees, newest first: theirs and the system-wide ones they have not cleared (+ everyone's with `includeAll`). */
  list(userId: string, options: NotificationListOptions = {}): Promise<Notification[]> {
    return this.query.list(userId, options);
  }

  async latest(userId: string, options: Omit<NotificationListOptions, 'limit'> = {}): Promise<Notification | null> {
    return (await this.list(userId, { ...options, limit: 1 }))[0] ?? null;
  }

  /** Marks a notification read for this user only; `notification_not_found` if it is not visible to them. */
  async markRead(userId: string, notificationId: string): Promise<Notification> {
    const json = await this.options.redis.get(this.keys.notification(notificationId));
    const notification = json === null ? null : (JSON.parse(json) as Notification);
    if (!notification || (notification.user_id !== null && notification.user_id !== userId)) {
      throw new NotificationStoreError('notification_not_found', `Notification ${notificationId} not found`, notificationId);
    }
    const readKey = this.keys.notificationRead(userId);
    const cutoff = this.clock().getTime() - this.maxAgeMs;
    await this.options.redis
      .multi()
      .zadd(readKey, Date.parse(notification.created_at), notificationId)
      .zremrangebyscore(readKey, '-inf', `(${cutoff}`)
      .pexpire(readKey, this.maxAgeMs)
      .exec();
    return toNotificationWire(notification, true);
  }

  /** Clears for this user only: deletes their own notifications, hides the system-wide ones so far. */
  async clear(userId: string): Promise<{ deleted: number }> {
    const k = this.keys;
    const own = await this.options.redis.zrange(k.notificationIndexUser(userId), 0, -1);
    const newestSystem = await this.options.redis.zrevrange(k.notificationIndexSystem, 0, 0, 'WITHSCORES');
    if (newestSystem.length === 2) await this.options.redis.set(k.notificationCleared(userId), newestSystem[1]);
    await this.remove(own);
    return { deleted: own.length };
  }

  /** Retention: deletes notifications created before `before` (default: now − maxAgeMs). Returns how many. */
  async prune(before: Date = new Date(this.clock().getTime() - this.maxAgeMs)): Promise<number> {
    let removed = 0;
    for (;;) {
      const ids = await this.options.redis.zrangebyscore(this.keys.notificationIndexAll, '-inf', `(${before.getTime()}`, 'LIMIT', 0, 500);
      if (ids.length === 0) return removed;
      await this.remove(ids);
      removed += ids.length;
    }
  }

  private async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const k = this.keys;
    const jsons = await this.options.redis.mget(ids.map(k.notification));
    const tx = this.options.redis.multi();
    ids.forEach((id, i) => {
      const json = jsons[i];
      const userId = json ? (JSON.parse(json) as Notification).user_id : null;
      tx.del(k.notification(id)).zrem(k.notificationIndexAll, id).zrem(userId === null ? k.notificationIndexSystem : k.notificationIndexUser(userId), id);
    });
    await tx.exec();
  }
}
