import type { LockHandle, LockOptions, RepositoryLock } from './repository-lock';

/**
 * Runs `fn` while holding `key`, and releases the lock however `fn` ends. Pass the handle to
 * `openRepository({ lock })` so that the work stops (`lock_lost`) before touching the remote once the lock
 * is lost. A failure of `fn` wins over a failure to release.
 */
export async function withRepositoryLock<T>(
  lock: RepositoryLock,
  key: string,
  fn: (handle: LockHandle) => Promise<T>,
  options?: LockOptions,
): Promise<T> {
  const handle = await lock.acquire(key, options);
  let result: T;
  try {
    result = await fn(handle);
  } catch (error) {
    await handle.release().catch(() => undefined);
    throw error;
  }
  await handle.release();
  return result;
}
