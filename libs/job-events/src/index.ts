// Job model
export { FAILURE_REASONS, JOB_STATES, LEGACY_JOB_STATES, TERMINAL_JOB_STATES, isJobState, isTerminalJobState } from './job-state';
export type { FailureReason, JobState } from './job-state';
export { canTransition } from './job-transitions';
export { toPublishStatus } from './job-record';
export type { CallbackDelivery, JobArtifact, JobCommits, JobCounters, JobFailure, JobInit, JobRecord, JobUpdate, PublishStatus } from './job-record';
export { withoutUserinfo } from './job-callback';
export type { CallbackDeliveryInput } from './job-callback';
export { PUBLISH_JOB_PAYLOAD_VERSION, parsePublishJobPayload, publishJobPayloadSchema } from './job-payload.schema';
export type { PublishJobPayload } from './job-payload.schema';
export { NOTION_REFRESH_PAYLOAD_VERSION, notionRefreshPayloadSchema, parseNotionRefreshPayload } from './notion-refresh.schema';
export type { NotionRefreshPayload } from './notion-refresh.schema';

// Stores
export { JOB_STATUS_EVENT, JobStore } from './job.store';
export type { DeleteFinishedOptions, JobListQuery, JobPage, JobSnapshot, JobStoreOptions } from './job.store';
export { JobCancellation } from './job-cancel';
export type { CancelOutcome, CancelSignalOptions } from './job-cancel';
export { NOTIFICATION_STATUSES, NOTIFICATION_TYPES } from './notification';
export type { Notification, NotificationInput, NotificationStatus, NotificationType } from './notification';
export { NOTIFICATION_EVENT, NotificationStore } from './notification.store';
export type { NotificationListOptions, NotificationStoreOptions } from './notification.store';
export { ArtifactStore } from './artifact.store';
export type { ArtifactPutOptions, ArtifactStoreOptions } from './artifact.store';
export { MANUALS_UPDATED_EVENT, ManualsCacheStore } from './manuals-cache.store';
export type { ManualsCacheEntry, ManualsCacheItem, ManualsCacheStoreOptions, ManualsInvalidation } from './manuals-cache.store';

// Event bus
export { EventBus } from './event-bus';
export type { EventBusOptions, PublishInput, SubscribeInput, SubscribeManyInput } from './event-bus';
export type { Subscription, SubscriptionEndReason } from './subscription';
export type { CursorEvent, MergedSubscription } from './merged-subscription';
export type { BusEvent } from './stream-entry';
export { MANUALS_STREAM, SYSTEM_NOTIFICATION_STREAM, jobStream, userNotificationStream } from './keys';
export { compareStreamIds, isStreamId } from './stream-id';

// Lock
export { RedisLock } from './redis-lock';
export type { LockHandle, LockOptions, RedisLockOptions } from './redis-lock';

// SSE
export { SSE_HEADERS, formatSseEvent, formatSseHeartbeat } from './sse-format';
export type { SseMessage } from './sse-format';
export { lastEventIdFrom } from './last-event-id';
export type { LastEventIdSource } from './last-event-id';
export type { SseEndReason, SseSession, SseSink, SseTimingOptions } from './sse-channel';
export { watchJobSse } from './job-watch.sse';
export type { JobWatchSseOptions } from './job-watch.sse';
export { notificationsSse } from './notification.sse';
export type { NotificationSseOptions } from './notification.sse';

// Errors
export { ArtifactStoreError, EventBusError, JobCancelledError, JobPayloadError, JobStoreError, LockError, ManualsCacheError, NotificationStoreError, RedisCommandError, SseError } from './errors';
export type { ArtifactStoreErrorCode, EventBusErrorCode, JobStoreErrorCode, LockErrorCode, NotificationStoreErrorCode, PayloadIssue } from './errors';
