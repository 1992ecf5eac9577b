export { CALLBACK_JOB, MAINTENANCE_QUEUE, NOTION_REFRESH_JOB, PUBLISH_QUEUE, RETENTION_JOB, bullPrefix } from './queue-names';
export { enqueuePublish, withdrawQueuedPublish } from './publish.enqueue';
export type { WithdrawOutcome } from './publish.enqueue';
export { pageKey, pendingRefreshKey, scheduleNotionRefresh } from './notion-refresh.schedule';
export type { RefreshRetryOptions } from './notion-refresh.schedule';
