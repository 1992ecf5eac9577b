import { randomUUID } from 'node:crypto';
import type { RepositoryLock } from '@zmp-manual/git-publisher';
import { RedisLock } from '../src/redis-lock';
import { redisFixture } from './redis-fixture';

const fixture = redisFixture();
const redis = fixture.connect();

// Type-level: code that only knows git-publisher's lock port can be given `new RedisLock({ redis })` —
// no keyPrefix needed. This file stops compiling (`tsc -p tsconfig.json --noEmit`) if that breaks.
const port: RepositoryLock = new RedisLock({ redis });

afterAll(() => fixture.cleanup());

describe('RedisLock as git-publisher’s RepositoryLock', () => {
  it('is built without a keyPrefix and then locks under the default `zmp:` prefix', async () => {
    const key = `test:job-events:${randomUUID()}:github.com/acme/manuals#develop`;
    const handle = await port.acquire(key, { ttlMs: 5_000, waitMs: 0 });
    try {
      expect(handle.key).toBe(key);
      expect(await redis.pttl(`zmp:lock:${key}`)).toBeGreaterThan(0);
      await expect(port.acquire(key, { waitMs: 0 })).rejects.toMatchObject({ code: 'lock_timeout' });
    } finally {
      await handle.release();
    }
    expect(await redis.exists(`zmp:lock:${key}`)).toBe(0);
  });
});
