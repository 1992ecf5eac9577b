import { Redis } from 'ioredis';
import { LockError } from '../src/errors';
import { RedisLock } from '../src/redis-lock';
import { redisFixture } from './redis-fixture';
import { TcpProxy } from './tcp-proxy';

const fixture = redisFixture();
const redis = fixture.connect();
// Two processes: two connections, two lock instances.
const lockA = new RedisLock({ redis, keyPrefix: fixture.prefix });
const lockB = new RedisLock({ redis: fixture.connect(), keyPrefix: fixture.prefix });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const lockKey = (key: string) => `${fixture.prefix}lock:${key}`;

let proxy: TcpProxy;

beforeAll(async () => {
  proxy = await TcpProxy.start();
});

afterAll(async () => {
  await proxy.close();
  await fixture.cleanup();
});

describe('RedisLock on the real Redis', () => {
  it('lets one holder at a time into the critical section across two connections', async () => {
    let inside = 0;
    let maxInside = 0;
    const counter = `${fixture.prefix}counter`;
    await Promise.all(
      Array.from({ length: 16 }, async (_, i) => {
        const handle = await (i % 2 ? lockA : lockB).acquire('repo:main', { ttlMs: 5000, waitMs: 20_000 });
        inside += 1;
        maxInside = Math.max(maxInside, inside);
        // A read-modify-write that loses updates unless it is serialised.
        const value = Number((await redis.get(counter)) ?? 0);
        await sleep(3);
        await redis.set(counter, value + 1);
        inside -= 1;
        await handle.release();
      }),
    );
    expect(maxInside).toBe(1);
    expect(await redis.get(counter)).toBe('16');
    expect(await redis.exists(lockKey('repo:main'))).toBe(0);
  });

  it('gives up with lock_timeout after waitMs, and with lock_aborted when the caller aborts', async () => {
    const held = await lockA.acquire('busy', { ttlMs: 5000 });
    await expect(lockB.acquire('busy', { waitMs: 100 })).rejects.toMatchObject({ code: 'lock_timeout', key: 'busy' });
    const controller = new AbortController();
    const waiting = lockB.acquire('busy', { waitMs: 10_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(waiting).rejects.toMatchObject({ code: 'lock_aborted' });
    await held.release();
    await held.release(); // idempotent
    const next = await lockB.acquire('busy', { waitMs: 0 });
    expect(next.key).toBe('busy');
    await next.release();
  });

  it('takes over a lock whose holder died once its ttl runs out', async () => {
    await redis.set(lockKey('dead'), 'someone-else', 'PX', 200, 'NX'); // a holder that never renews
    const handle = await lockA.acquire('dead', { waitMs: 5000 });
    expect(await redis.get(lockKey('dead'))).not.toBe('someone-else');
    await handle.release();
  });

  it('renews a held lock beyond its ttl', async () => {
    const handle = await lockA.acquire('long', { ttlMs: 900 });
    await sleep(2000);
    expect(handle.signal.aborted).toBe(false);
    await expect(lockB.acquire('long', { waitMs: 0 })).rejects.toBeInstanceOf(LockError);
    await handle.release();
  });

  it('aborts the handle signal when the lock is lost, and then never deletes the new holder\'s lock', async () => {
    const handle = await lockA.acquire('lost', { ttlMs: 600 });
    const lost = new Promise<unknown>((resolve) => handle.signal.addEventListener('abort', () => resolve(handle.signal.reason), { once: true }));
    await redis.set(lockKey('lost'), 'new-holder'); // expired and taken by someone else
    expect(await lost).toMatchObject({ code: 'lock_lost', key: 'lost' });
    await handle.release();
    expect(await redis.get(lockKey('lost'))).toBe('new-holder');
  });

  it.each([
    ['fail', (connection: Redis) => connection.disconnect()],
    ['hang (half-open connection)', () => proxy.freeze()],
  ])('aborts the handle signal while the lock is still ours when its renewals %s', async (_, breakConnection) => {
    const connection = new Redis({ host: '127.0.0.1', port: proxy.port, enableOfflineQueue: false, retryStrategy: () => null, lazyConnect: true });
    await connection.connect();
    const handle = await new RedisLock({ redis: connection, keyPrefix: fixture.prefix }).acquire('cut-off', { ttlMs: 1500 });
    const lost = new Promise<unknown>((resolve) => handle.signal.addEventListener('abort', () => resolve(handle.signal.reason), { once: true }));
    breakConnection(connection);
    expect(await lost).toMatchObject({ code: 'lock_lost', key: 'cut-off' });
    // Told before the lock expires: nobody else can have it yet.
    expect(await redis.pttl(lockKey('cut-off'))).toBeGreaterThan(0);
    await handle.release(); // nothing to do: the lock was given up
    connection.disconnect();
    await redis.del(lockKey('cut-off'));
  });
});
