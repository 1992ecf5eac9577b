/** Options of {@link RepositoryLock.acquire}. */
export interface LockOptions {
  /** How long the lock is held before it expires unless renewed (implementations renew it while held). */
  ttlMs?: number;
  /** How long to wait for the lock before failing; unset waits until it is free. */
  waitMs?: number;
  /** Stops waiting (and fails) when it fires. */
  signal?: AbortSignal;
}

/** A held lock. */
export interface LockHandle {
  readonly key: string;
  /** Aborts when the lock is lost (its renewal failed): the holder must stop before touching the remote. */
  readonly signal: AbortSignal;
  release(): Promise<void>;
}

/**
 * Serialises work on one repository + branch (`repositoryKey(url, branch)`) across jobs. Implemented here in
 * memory (one process) and on Redis by `@zmp-manual/job-events` (many processes).
 */
export interface RepositoryLock {
  acquire(key: string, options?: LockOptions): Promise<LockHandle>;
}
