import { Inject, Injectable } from '@nestjs/common';
import { EventBus, NotificationStore, lastEventIdFrom, notificationsSse } from '@zmp-manual/job-events';
import type { Request, Response } from 'express';
import { API_CONFIG, EVENT_BUS, NOTIFICATION_STORE } from '../api.tokens';
import type { ApiConfig } from '../api.tokens';
import type { AuthUser } from '../auth/auth-user';
import { SseStreamLauncher } from './sse-stream.launcher';

/** The original's reconnection delay on this stream (`retry: 5000`), sent once at the start. */
const NOTIFICATIONS_RETRY_MS = 5_000;

/** `GET /notifications/stream`: the caller's and the system-wide notifications as they come (B5: nobody else's). */
@Injectable()
export class NotificationsStreamService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(NOTIFICATION_STORE) private readonly notifications: NotificationStore,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly launcher: SseStreamLauncher,
  ) {}

  stream(user: AuthUser, includeRead: boolean, req: Request, res: Response): void {
    const { heartbeatMs, pingEventMs } = this.config.sse;
    const lastEventId = lastEventIdFrom({ headers: req.headers, query: req.query });
    this.launcher.launch('notifications', user, req, res, (sink) =>
      notificationsSse({
        bus: this.bus,
        notifications: this.notifications,
        userId: user.username,
        sink,
        lastEventId,
        includeRead,
        heartbeatMs,
        pingEventMs,
        retryMs: NOTIFICATIONS_RETRY_MS,
      }),
    );
  }
}
