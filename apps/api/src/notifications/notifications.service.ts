import { Inject, Injectable } from '@nestjs/common';
import { NotificationStore } from '@zmp-manual/job-events';
import type { Notification } from '@zmp-manual/job-events';
import { NOTIFICATION_STORE } from '../api.tokens';
import type { AuthUser } from '../auth/auth-user';
import { ApiError } from '../errors/api-error';
import type { NotificationLatestQuery, NotificationListQuery } from './notifications-query.schema';

/**
 * The caller's notifications (their own + system-wide ones they have not cleared), read and cleared for the
 * caller only (B5). Admins may list everyone's with `all`.
 */
@Injectable()
export class NotificationsService {
  constructor(@Inject(NOTIFICATION_STORE) private readonly notifications: NotificationStore) {}

  list(user: AuthUser, query: NotificationListQuery): Promise<Notification[]> {
    if (query.all && !user.isAdmin) throw ApiError.forbidden("Only admins may list every user's notifications (all=true)", 'notifications_all_forbidden');
    return this.notifications.list(user.username, { limit: query.limit, includeRead: query.include_read, includeAll: query.all, jobId: query.job_id });
  }

  latest(user: AuthUser, query: NotificationLatestQuery): Promise<Notification | null> {
    return this.notifications.latest(user.username, { includeRead: query.include_read, jobId: query.job_id });
  }

  /** `notification_not_found` (someone else's, cleared or gone) is the exception filter's 404 `Notification not found`. */
  async markRead(user: AuthUser, notificationId: string): Promise<void> {
    await this.notifications.markRead(user.username, notificationId);
  }

  async clear(user: AuthUser): Promise<void> {
    await this.notifications.clear(user.username);
  }
}
