import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/**
 * The real Redis at 127.0.0.1:6379 under a key prefix unique to this test file's run, and connections
 * that are all closed — after every key under the prefix is deleted — by `cleanup()`.
 */
export function redisFixture() {
  const prefix = `test:job-events:${randomUUID()}:`;
  const connections: Redis[] = [];
  const connect = (): Redis => {
    const redis = new Redis({ host: '127.0.0.1', port: 6379, maxRetriesPerRequest: 2 });
    connections.push(redis);
    return redis;
  };
  const cleanup = async (): Promise<void> => {
    const redis = connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
    await Promise.all(connections.map((c) => c.quit().catch(() => undefined)));
  };
  return { prefix, connect, cleanup };
}

/** Takes `count` events from an async iterable (and stops iterating). */
export async function take<T>(iterable: AsyncIterable<T>, count: number): Promise<T[]> {
  const out: T[] = [];
  if (count === 0) return out;
  for await (const item of iterable) {
    out.push(item);
    if (out.length === count) break;
  }
  return out;
}
