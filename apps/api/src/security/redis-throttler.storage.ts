import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';

/** What a storage answers for one hit (`ThrottlerStorageRecord`, not exported by the package's index). */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * One fixed window per key: the first hit creates the counter with the window's lifetime, every hit counts.
 * Returns the count and the milliseconds left in the window (a counter found without a lifetime gets one).
 */
const HIT_SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {hits, ttl}
`;
const HIT_SCRIPT_SHA = createHash('sha1').update(HIT_SCRIPT).digest('hex');

/** Redis did not answer a rate-limit hit: the exception filter answers 503 with `Retry-After` (code `redis_error`). */
export class RateLimitStorageError extends Error {
  readonly code = 'redis_error' as const;

  constructor(cause: unknown) {
    super(`Rate limit counter failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'RateLimitStorageError';
  }
}

/**
 * `@nestjs/throttler`'s storage on Redis, so every API replica counts against the same limits: one counter per
 * key under `<REDIS_KEY_PREFIX>ratelimit:`, incremented and given its lifetime by one Lua script (INCR +
 * PEXPIRE, atomic). A key is blocked while its count exceeds the limit, until its window ends.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  /** The Redis key of a throttler key (`default:user:ann` → `zmp:ratelimit:default:user:ann`). */
  redisKey(key: string): string {
    return `${this.keyPrefix}ratelimit:${key}`;
  }

  async increment(key: string, ttl: number, limit: number, _blockDuration: number, _throttlerName: string): Promise<ThrottlerStorageRecord> {
    const [totalHits, remainingMs] = await this.hit(this.redisKey(key), Math.max(1, Math.round(ttl)));
    const timeToExpire = Math.max(1, Math.ceil(remainingMs / 1000));
    const isBlocked = totalHits > limit;
    return { totalHits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
  }

  private async hit(redisKey: string, windowMs: number): Promise<[number, number]> {
    try {
      let reply: unknown;
      try {
        reply = await this.redis.evalsha(HIT_SCRIPT_SHA, 1, redisKey, windowMs);
      } catch (error) {
        if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
        reply = await this.redis.eval(HIT_SCRIPT, 1, redisKey, windowMs);
      }
      const [hits, ttl] = reply as [number, number];
      return [Number(hits), Number(ttl)];
    } catch (error) {
      throw new RateLimitStorageError(error);
    }
  }
}
