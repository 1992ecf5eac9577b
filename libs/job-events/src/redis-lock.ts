import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { LockError, redisCall } from './errors';
import { keySpace } from './keys';
import type { KeySpace } from './keys';
import { RedisScript } from './redis-script';

/** The lock port of `@zmp-manual/git-publisher` (decision 0002), satisfied structurally. */
export interface LockOptions {
  /** How long the lock lives without renewal (default 30 000 ms); renewed every ttl/3 while held. */
  ttlMs?: number;
  /** How long to wait for a held lock (default 60 000 ms; 0 = one try). */
  waitMs?: number;
  /** Aborts the wait (`lock_aborted`). */
  signal?: AbortSignal;
}

export interface LockHandle {
  readonly key: string;
  /**
   * Aborts (reason: `LockError` `lock_lost`) when a renewal finds the lock gone, or when renewals fail or
   * hang and the next one would come after the lock expires (so the holder stops while the lock is still its own).
   */
  readonly signal: AbortSignal;
  /** Deletes the lock if it is still ours; idempotent. */
  release(): Promise<void>;
}

export interface RedisLockOptions {
  redis: Redis;
  /** Prepended to every lock key (default `zmp:`, so a lock lives at `zmp:lock:<key>`). */
  keyPrefix?: string;
  /** Defaults for `acquire` options. */
  ttlMs?: number;
  waitMs?: number;
  /** First and longest pause between tries while waiting (default 25 and 1000 ms, doubling, with jitter). */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/** The prefix of a lock made without `keyPrefix` (code that only knows the lock port need not pick one). */
const DEFAULT_LOCK_KEY_PREFIX = 'zmp:';

const renewScript = new RedisScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`);

const releaseScript = new RedisScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * A mutual-exclusion lock on Redis (single node): `SET key token NX PX ttl` with a random token, renewed by
 * a compare-and-pexpire script every ttl/3, released by compare-and-delete, so a holder never deletes a lock
 * it has lost to someone else.
 */
export class RedisLock {
  private readonly keys: KeySpace;

  constructor(private readonly options: RedisLockOptions) {
    this.keys = keySpace(options.keyPrefix ?? DEFAULT_LOCK_KEY_PREFIX);
  }

  acquire(key: string, options: LockOptions = {}): Promise<LockHandle> {
    return redisCall('RedisLock.acquire', async () => {
      const ttlMs = options.ttlMs ?? this.options.ttlMs ?? 30_000;
      const waitMs = options.waitMs ?? this.options.waitMs ?? 60_000;
      const { signal } = options;
      const redisKey = this.keys.lock(key);
      const token = randomBytes(16).toString('hex');
      const deadline = Date.now() + waitMs;
      let delay = this.options.minDelayMs ?? 25;
      for (;;) {
        if (signal?.aborted) throw new LockError('lock_aborted', `Waiting for lock ${key} was aborted`, key);
        const sentAt = Date.now(); // the ttl runs from (at the latest) when SET reaches Redis
        if ((await this.options.redis.set(redisKey, token, 'PX', ttlMs, 'NX')) === 'OK') return this.hold(key, redisKey, token, ttlMs, sentAt);
        const left = deadline - Date.now();
        if (left <= 0) throw new LockError('lock_timeout', `Lock ${key} still held after ${waitMs} ms`, key);
        await pause(Math.min(left, delay * (0.5 + Math.random() / 2)), signal);
        delay = Math.min(delay * 2, this.options.maxDelayMs ?? 1000);
      }
    });
  }

  private hold(key: string, redisKey: string, token: string, ttlMs: number, acquiredAt: number): LockHandle {
    const controller = new AbortController();
    const redis = this.options.redis;
    const intervalMs = Math.max(1, Math.floor(ttlMs / 3));
    /** The lock is ours until at least this time (the ttl counted from when the last renewal was sent). */
    let validUntil = acquiredAt + ttlMs;
    let released: Promise<void> | null = null;
    const lose = (why: string) => {
      clearInterval(timer);
      controller.abort(new LockError('lock_lost', `Lock ${key} was lost: ${why}`, key));
    };
    const renew = async () => {
      const sentAt = Date.now();
      try {
        const ok = await renewScript.run(redis, [redisKey], [token, ttlMs]);
        if (released || controller.signal.aborted) return;
        if (ok === 1) validUntil = Math.max(validUntil, sentAt + ttlMs);
        else lose('it expired or was taken');
      } catch {
        // Redis unreachable for a moment: the next tick tries again, or gives up in time.
      }
    };
    // Renewals that fail or hang: give up while the lock is still ours (the next try could come after it
    // expired), so the holder stops before anyone else can take the lock.
    const tick = () => (Date.now() + intervalMs >= validUntil ? lose(`not renewed within ${ttlMs - intervalMs} ms`) : void renew());
    const timer = setInterval(tick, intervalMs);
    timer.unref();
    return {
      key,
      signal: controller.signal,
      release: () => {
        released ??= (async () => {
          clearInterval(timer);
          if (!controller.signal.aborted) await redisCall('LockHandle.release', () => releaseScript.run(redis, [redisKey], [token]));
        })();
        return released;
      },
    };
  }
}
