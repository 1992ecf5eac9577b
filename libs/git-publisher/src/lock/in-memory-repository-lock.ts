import { GitPublisherError } from '../errors/git-publisher-error';
import type { LockHandle, LockOptions, RepositoryLock } from './repository-lock';

interface Waiter {
  grant(): void;
}

/**
 * A {@link RepositoryLock} for one process (the CLI, tests): first come, first served per key. `waitMs` bounds
 * the wait (`lock_timeout`), `signal` cancels it (`aborted`). Its holders live in the same process, so a lock is
 * never lost and `ttlMs` is not used; `handle.signal` only aborts once the handle is released.
 */
export class InMemoryRepositoryLock implements RepositoryLock {
  /** Per held key, the waiters in arrival order. */
  private readonly queues = new Map<string, Waiter[]>();

  acquire(key: string, options: LockOptions = {}): Promise<LockHandle> {
    const { waitMs, signal } = options;
    if (signal?.aborted) return Promise.reject(aborted(key));
    const queue = this.queues.get(key);
    if (queue === undefined) {
      this.queues.set(key, []);
      return Promise.resolve(this.handle(key));
    }
    if (waitMs !== undefined && waitMs <= 0) return Promise.reject(timedOut(key, waitMs));
    return new Promise<LockHandle>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const leave = (error: GitPublisherError): void => {
        const index = queue.indexOf(waiter);
        if (index >= 0) queue.splice(index, 1);
        cleanup();
        reject(error);
      };
      const onAbort = (): void => leave(aborted(key));
      const cleanup = (): void => {
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const waiter: Waiter = {
        grant: () => {
          cleanup();
          resolve(this.handle(key));
        },
      };
      queue.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
      if (waitMs !== undefined) timer = setTimeout(() => leave(timedOut(key, waitMs)), waitMs);
    });
  }

  private handle(key: string): LockHandle {
    const controller = new AbortController();
    let released = false;
    return {
      key,
      signal: controller.signal,
      release: async () => {
        if (released) return;
        released = true;
        controller.abort();
        this.handOver(key);
      },
    };
  }

  /** Gives the key to the next waiter, or frees it. */
  private handOver(key: string): void {
    const next = this.queues.get(key)?.shift();
    if (next === undefined) this.queues.delete(key);
    else next.grant();
  }
}

function aborted(key: string): GitPublisherError {
  return new GitPublisherError('aborted', `Stopped waiting for the lock on ${key}: aborted`, {
    operation: 'lock',
    key,
  });
}

function timedOut(key: string, waitMs: number): GitPublisherError {
  return new GitPublisherError('lock_timeout', `The lock on ${key} stayed busy for ${waitMs} ms`, {
    operation: 'lock',
    key,
    waitMs,
  });
}
