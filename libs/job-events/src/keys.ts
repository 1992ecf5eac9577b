/**
 * Every Redis key this library touches, under the caller's `keyPrefix` (e.g. `zmp:`). Streams keep the
 * architecture's names after the prefix: `job:<id>`, `notifications:<user>`, `notifications:*`.
 */
export function keySpace(prefix: string) {
  return {
    stream: (name: string) => `${prefix}${name}`,
    jobRecord: (jobId: string) => `${prefix}jobs:record:${jobId}`,
    jobIndexAll: `${prefix}jobs:index:all`,
    jobIndexStatus: (status: string) => `${prefix}jobs:index:status:${status}`,
    /** One user's jobs (`initiated_by`); the user is URL-encoded, so a `:` in a name cannot reach another key. */
    jobIndexUser: (user: string) => `${prefix}jobs:index:user:${encodeURIComponent(user)}`,
    jobIndexUserStatus: (user: string, status: string) => `${prefix}jobs:index:user:${encodeURIComponent(user)}:status:${status}`,
    cancelFlag: (jobId: string) => `${prefix}jobs:cancel:${jobId}`,
    notification: (id: string) => `${prefix}notif:record:${id}`,
    notificationIndexAll: `${prefix}notif:index:all`,
    notificationIndexSystem: `${prefix}notif:index:system`,
    notificationIndexUser: (userId: string) => `${prefix}notif:index:user:${userId}`,
    notificationRead: (userId: string) => `${prefix}notif:read:${userId}`,
    notificationCleared: (userId: string) => `${prefix}notif:cleared:${userId}`,
    lock: (key: string) => `${prefix}lock:${key}`,
    artifact: (jobId: string) => `${prefix}artifacts:${jobId}`,
    manualsCache: (solution: string) => `${prefix}manuals:cache:${solution}`,
    busWake: (instanceId: string) => `${prefix}bus:wake:${instanceId}`,
  };
}

export type KeySpace = ReturnType<typeof keySpace>;

/** Stream of one job's events. */
export const jobStream = (jobId: string) => `job:${jobId}`;
/** Stream of the notifications addressed to one user. */
export const userNotificationStream = (userId: string) => `notifications:${userId}`;
/** Stream of the manuals-cache invalidations (`ManualsCacheStore.put`). */
export const MANUALS_STREAM = 'manuals';
/** Stream of the system-wide notifications (`user_id: null`). */
export const SYSTEM_NOTIFICATION_STREAM = 'notifications:*';
