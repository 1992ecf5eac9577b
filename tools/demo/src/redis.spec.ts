import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { DEFAULT_REDIS_URL, countKeys, deleteKeys, ensureRedis, redisAnswers, RedisUnavailableError } from './redis';

const NOBODY = 'redis://127.0.0.1:1';

describe('ensureRedis', () => {
  it('uses the Redis that answers, starting nothing', async () => {
    const redis = await ensureRedis(DEFAULT_REDIS_URL, process.env.PATH ?? '');
    expect([redis.url, redis.server]).toEqual([DEFAULT_REDIS_URL, null]);
    await redis.stop();
    expect(await redisAnswers(DEFAULT_REDIS_URL)).toBe(true);
  });

  it('starts a throwaway redis-server on a free port when nothing answers, and stops it', async () => {
    expect(await redisAnswers(NOBODY)).toBe(false);
    const redis = await ensureRedis(NOBODY, process.env.PATH ?? '');
    try {
      expect(redis.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
      expect(redis.server?.running).toBe(true);
      expect(await redisAnswers(redis.url)).toBe(true);
      const client = new Redis(redis.url);
      expect(await client.config('GET', 'save')).toEqual(['save', '']);
      expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'no']);
      client.disconnect();
    } finally {
      await redis.stop();
    }
    expect(redis.server?.running).toBe(false);
    expect(await redisAnswers(redis.url)).toBe(false);
  }, 20_000);

  it('says how to get Redis when nothing answers and redis-server is not on PATH', async () => {
    const failure = ensureRedis(NOBODY, '/nonexistent');
    await expect(failure).rejects.toBeInstanceOf(RedisUnavailableError);
    await expect(failure).rejects.toThrow('sudo apt-get install redis-server');
    await expect(failure).rejects.toThrow('docker run --rm -p 6379:6379 redis:7');
  });
});

describe('deleteKeys', () => {
  it('deletes every key under the prefix and nothing else', async () => {
    const prefix = `test:demo:${randomUUID()}:`;
    const client = new Redis(DEFAULT_REDIS_URL);
    try {
      await client.set(`${prefix}a`, '1');
      await client.xadd(`${prefix}job:x`, '*', 'k', 'v');
      await client.set(`${prefix.slice(0, -1)}-other`, '1');
      expect(await deleteKeys(DEFAULT_REDIS_URL, prefix)).toBe(2);
      expect(await countKeys(DEFAULT_REDIS_URL, prefix)).toBe(0);
      expect(await client.exists(`${prefix.slice(0, -1)}-other`)).toBe(1);
    } finally {
      await client.del(`${prefix.slice(0, -1)}-other`);
      client.disconnect();
    }
  });
});

describe('redisAnswers', () => {
  it('answers true for a Redis (a password it does not need is ignored) and false for a port nobody serves', async () => {
    expect(await redisAnswers(DEFAULT_REDIS_URL)).toBe(true);
    expect(await redisAnswers('redis://:unneeded@127.0.0.1:6379')).toBe(true);
    expect(await redisAnswers(NOBODY)).toBe(false);
  });
});
