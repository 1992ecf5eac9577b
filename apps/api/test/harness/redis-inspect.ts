import { JOB_STATUS_EVENT, jobStream } from '@zmp-manual/job-events';
import type { Redis } from 'ioredis';

async function keysUnder(redis: Redis, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    keys.push(...found);
  } while (cursor !== '0');
  return keys.sort();
}

async function valueOf(redis: Redis, key: string): Promise<string> {
  const type = await redis.type(key);
  switch (type) {
    case 'string':
      return `string ${await redis.get(key)}`;
    case 'hash':
      return `hash ${JSON.stringify(Object.entries(await redis.hgetall(key)).sort())}`;
    case 'zset':
      return `zset ${JSON.stringify(await redis.zrange(key, 0, -1, 'WITHSCORES'))}`;
    case 'set':
      return `set ${JSON.stringify((await redis.smembers(key)).sort())}`;
    case 'list':
      return `list ${JSON.stringify(await redis.lrange(key, 0, -1))}`;
    case 'stream':
      return `stream ${JSON.stringify(await redis.xrange(key, '-', '+'))}`;
    default:
      return type;
  }
}

/**
 * Every key under `prefix` with its type and whole value, except the keys that change on their own while
 * the processes idle (`ignore`: the rate limiter's counters, Bull's periodic stalled check, the event bus's
 * wake-up streams).
 */
export async function snapshot(redis: Redis, prefix: string, ignore: RegExp[] = []): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const key of await keysUnder(redis, prefix)) {
    const name = key.slice(prefix.length);
    if (ignore.some((pattern) => pattern.test(name))) continue;
    result[name] = await valueOf(redis, key);
  }
  return result;
}

/** Keys that move without anyone asking: never evidence that a request changed something. */
export const IDLE_CHURN = [/^ratelimit:/, /stalled-check$/, /^bus:wake:/];

/** The job's status events as stored in its Redis stream: `[stream id, status JSON]`, oldest first. */
export async function jobStatusHistory(redis: Redis, prefix: string, jobId: string): Promise<Array<{ id: string; status: Record<string, unknown> }>> {
  const entries = await redis.xrange(`${prefix}${jobStream(jobId)}`, '-', '+');
  return entries.flatMap(([id, fields]) => {
    const map = new Map<string, string>();
    for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i], fields[i + 1]);
    return map.get('type') === JOB_STATUS_EVENT ? [{ id, status: JSON.parse(map.get('data') ?? 'null') as Record<string, unknown> }] : [];
  });
}

/** Deletes every key under `prefix`. */
export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  const keys = await keysUnder(redis, prefix);
  for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
}
