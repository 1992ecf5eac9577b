import * as api from './index';

// The package's runtime surface, pinned: other teams import these names from npm. Changing this list
// is a semver decision, not a refactoring detail.
describe('@zmp-manual/job-events public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'EventBus',
      'EventBusError',
      'FAILURE_REASONS',
      'JOB_STATES',
      'JOB_STATUS_EVENT',
      'JobCancellation',
      'JobCancelledError',
      'JobPayloadError',
      'JobStore',
      'JobStoreError',
      'LEGACY_JOB_STATES',
      'LockError',
      'NOTIFICATION_EVENT',
      'NOTIFICATION_STATUSES',
      'NOTIFICATION_TYPES',
      'NotificationStore',
      'NotificationStoreError',
      'PUBLISH_JOB_PAYLOAD_VERSION',
      'RedisCommandError',
      'RedisLock',
      'SSE_HEADERS',
      'SYSTEM_NOTIFICATION_STREAM',
      'SseError',
      'TERMINAL_JOB_STATES',
      'canTransition',
      'compareStreamIds',
      'formatSseEvent',
      'formatSseHeartbeat',
      'isJobState',
      'isStreamId',
      'isTerminalJobState',
      'jobStream',
      'lastEventIdFrom',
      'notificationsSse',
      'parsePublishJobPayload',
      'publishJobPayloadSchema',
      'toPublishStatus',
      'userNotificationStream',
      'watchJobSse',
    ]);
  });
});
