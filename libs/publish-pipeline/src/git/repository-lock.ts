import type { LockHandle, RepositoryLock } from '@zmp-manual/git-publisher';

export interface AcquireOptions {
  ttlMs: number;
  waitMs: number;
  signal?: AbortSignal;
  /** Called once when the lock is busy, before waiting for it. */
  onWait: () => Promise<void>;
}

/**
 * Takes the repository lock: one try first; when another job holds it (`lock_timeout` of the one try, from
 * either lock implementation), `onWait` reports it and the run waits up to `waitMs`.
 */
export async function acquireRepositoryLock(lock: RepositoryLock, key: string, options: AcquireOptions): Promise<LockHandle> {
  const { ttlMs, waitMs, signal } = options;
  try {
    return await lock.acquire(key, { ttlMs, waitMs: 0, signal });
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code !== 'lock_timeout') throw error;
  }
  await options.onWait();
  return lock.acquire(key, { ttlMs, waitMs, signal });
}
