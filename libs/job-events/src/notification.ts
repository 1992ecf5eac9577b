/** The original service's notification wire shape and its enums. */

export const NOTIFICATION_STATUSES = ['success', 'error', 'info', 'processing'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export const NOTIFICATION_TYPES = ['job_result', 'document_update', 'system'] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/**
 * The 12 keys in the original's order. `user_id: null` = system-wide. `is_read` is per viewer: the same
 * system-wide notification can be read for one user and unread for another. `created_at` is UTC ISO 8601
 * with milliseconds and `Z` (the original sent naive local time; `Date.parse` reads both).
 */
export interface Notification {
  id: string;
  status: NotificationStatus;
  title: string;
  message: string;
  solution: string | null;
  user_id: string | null;
  job_id: string | null;
  created_at: string;
  is_read: boolean;
  document_title: string | null;
  notification_type: NotificationType;
  node: Record<string, unknown> | null;
}

export interface NotificationInput {
  status: NotificationStatus;
  title: string;
  message: string;
  solution?: string | null;
  /** The user it is for; `null` or absent = everyone (system-wide). */
  user_id?: string | null;
  job_id?: string | null;
  document_title?: string | null;
  /** Default `job_result` when `job_id` is set, `system` otherwise. */
  notification_type?: NotificationType;
  node?: Record<string, unknown> | null;
}

export function toNotificationWire(n: Notification, isRead: boolean = n.is_read): Notification {
  return {
    id: n.id,
    status: n.status,
    title: n.title,
    message: n.message,
    solution: n.solution,
    user_id: n.user_id,
    job_id: n.job_id,
    created_at: n.created_at,
    is_read: isRead,
    document_title: n.document_title,
    notification_type: n.notification_type,
    node: n.node,
  };
}
