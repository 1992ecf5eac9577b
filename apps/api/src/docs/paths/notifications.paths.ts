import type { ApiConfig } from '../../api.tokens';
import { error, errorRef, eventStream, json, operation, pathParam, queryParam } from '../openapi.operation';
import { ref } from '../openapi.schemas';
import type { Paths } from '../openapi.types';

const includeRead = queryParam('include_read', 'Also notifications you have read.', { type: 'boolean', default: false });
const jobId = queryParam('job_id', "Only this job's notifications.");

/** The caller's notifications (their own and system-wide ones): list, latest, live stream, read and clear marks. */
export function notificationsPaths(config: ApiConfig): Paths {
  return {
    '/notifications': {
      get: operation({
        operationId: 'listNotifications',
        tag: 'notifications',
        summary: 'Your notifications and the system-wide ones you have not cleared, newest first',
        access: 'user',
        parameters: [
          queryParam('limit', 'At most this many.', { type: 'integer', minimum: 1, maximum: 100, default: 50 }),
          includeRead,
          jobId,
          queryParam('all', `Admins (${config.auth.adminRole}): every user's.`, { type: 'boolean', default: false }),
        ],
        responses: {
          '200': json('The notifications.', { type: 'array', items: ref('Notification') }),
          '422': errorRef('ValidationFailed'),
        },
      }),
    },
    '/notifications/latest': {
      get: operation({
        operationId: 'latestNotification',
        tag: 'notifications',
        summary: 'Your newest notification, or null',
        access: 'user',
        parameters: [includeRead, jobId],
        responses: {
          '200': json('The notification, or `null`.', { allOf: [ref('Notification')], nullable: true }),
          '422': errorRef('ValidationFailed'),
        },
      }),
    },
    '/notifications/stream': {
      get: operation({
        operationId: 'streamNotifications',
        tag: 'notifications',
        summary: 'Your notifications live (SSE)',
        description:
          'First your newest visible notification (unless resuming), then every new one for you or for everyone, as unnamed `data:` events with an `id:`; `event: ping` every 10 s. Resume with `Last-Event-ID` or `?last_event_id=`.',
        access: 'ticket',
        parameters: [includeRead, queryParam('last_event_id', 'Resume after this event id (instead of the `Last-Event-ID` header).')],
        responses: {
          '200': eventStream('`data:` events carry `Notification` JSON.'),
          '422': errorRef('ValidationFailed'),
          '429': error('Too many open streams for this user or process.'),
        },
      }),
    },
    '/notifications/{notification_id}/read': {
      post: operation({
        operationId: 'markNotificationRead',
        tag: 'notifications',
        summary: 'Mark a notification read, for you only',
        access: 'user',
        parameters: [pathParam('notification_id', 'The notification id.')],
        responses: {
          '200': json('Marked.', ref('StatusAck')),
          '404': error("Unknown, or someone else's.", 'Notification not found'),
        },
      }),
    },
    '/notifications/clear': {
      post: operation({
        operationId: 'clearNotifications',
        tag: 'notifications',
        summary: 'Clear your notifications (your own are deleted; system-wide ones are hidden for you)',
        access: 'user',
        responses: { '200': json('Cleared.', ref('StatusAck')) },
      }),
    },
  };
}
