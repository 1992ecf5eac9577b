import { EventBusError } from './errors';
import type { EventBus } from './event-bus';
import { SYSTEM_NOTIFICATION_STREAM, userNotificationStream } from './keys';
import type { MergedSubscription } from './merged-subscription';
import type { Notification } from './notification';
import { toNotificationWire } from './notification';
import type { NotificationStore } from './notification.store';
import { NOTIFICATION_EVENT } from './notification.store';
import { runSseSession } from './sse-channel';
import type { SseChannel } from './sse-channel';
import type { SseEndReason, SseSession, SseSink, SseTimingOptions } from './sse-channel';

export interface NotificationSseOptions extends SseTimingOptions {
  bus: EventBus;
  notifications: NotificationStore;
  /** The authenticated user: they get their own and the system-wide notifications, nobody else's. */
  userId: string;
  sink: SseSink;
  /** A cursor from a previous event's `id:` (`lastEventIdFrom(request)`): resume after it. */
  lastEventId?: string;
  /** Also send read notifications (default false, as the original's `include_read`). */
  includeRead?: boolean;
  /** Changes a notification before it is sent (e.g. fill `document_title` from the job). */
  transform?: (notification: Notification) => Notification | Promise<Notification>;
  bufferSize?: number;
}

/**
 * `GET /notifications/stream` per user (seed contract §4.2, with B5 fixed): first the single newest
 * notification visible to the user (unless resuming), then every new one addressed to them or to everyone,
 * as unnamed `data:` events whose `id:` is a cursor over both streams. Heartbeats and pings meanwhile.
 * When resuming, the missed notifications are re-checked against the store: ones the user has read (unless
 * `includeRead`), cleared, or that were deleted are left out.
 */
export function notificationsSse(options: NotificationSseOptions): SseSession {
  return runSseSession(options, run);
}

async function run(options: NotificationSseOptions, channel: SseChannel): Promise<SseEndReason> {
  const transform = async (n: Notification) => toNotificationWire(options.transform ? await options.transform(n) : n);
  const streams = [userNotificationStream(options.userId), SYSTEM_NOTIFICATION_STREAM];
  let subscription: MergedSubscription;
  let resuming = options.lastEventId !== undefined;
  try {
    subscription = options.bus.subscribeMany({ streams, after: options.lastEventId, bufferSize: options.bufferSize });
  } catch (error) {
    if (!(error instanceof EventBusError) || error.code !== 'invalid_event_id') throw error;
    resuming = false; // a cursor we did not make: start afresh
    subscription = options.bus.subscribeMany({ streams, bufferSize: options.bufferSize });
  }
  channel.onStop(() => subscription.close());
  let sentFirst: string | null = null;
  try {
    await subscription.ready;
    if (!resuming) {
      const latest = await options.notifications.latest(options.userId, { includeRead: options.includeRead });
      if (latest) {
        await channel.send({ id: subscription.cursor, data: await transform(latest) });
        sentFirst = latest.id;
      }
    }
    for await (const event of subscription) {
      if (event.type !== NOTIFICATION_EVENT) {
        await channel.send({ id: event.cursor, event: event.type, data: event.data });
        continue;
      }
      let notification: Notification | null = event.data as Notification;
      if (notification.id === sentFirst) continue; // created between subscribing and reading the latest
      // A replayed one may have been read, cleared or deleted since: send it as it is now, if at all.
      if (event.replayed) notification = await options.notifications.view(options.userId, notification.id);
      if (!notification || (notification.is_read && !options.includeRead)) continue;
      await channel.send({ id: event.cursor, data: await transform(notification) });
    }
  } catch (error) {
    if (error instanceof EventBusError && (error.code === 'slow_consumer' || error.code === 'bus_closed')) return error.code;
    throw error;
  }
  return channel.stopped ?? 'bus_closed';
}
