import { Controller, Get, Post } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { ApiConfig } from '../api.tokens';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { SecurityModule } from './security.module';
import { testConfig } from '../testing/api-test-app';
import { deleteKeys } from '../testing/redis-keys';
import { TestUserModule, startPlatformApp } from './testing/platform-test-app';
import type { PlatformTestApp } from './testing/platform-test-app';

@Controller()
class LimitedController {
  @Get('things')
  things(): { ok: true } {
    return { ok: true };
  }

  @Post('publish')
  publish(): { job_id: string } {
    return { job_id: 'j' };
  }

  /** Stand-ins for routes that are never limited (declared under the prefix, as the real ones). */
  @Get('health/live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
  @Get('metrics')
  metrics(): string {
    return '';
  }
  @Get('openapi.json')
  openapi(): object {
    return {};
  }
}

const LIMITS = { RATE_LIMIT_PER_MINUTE: '4', RATE_LIMIT_PUBLISH_PER_MINUTE: '2' };

describe('rate limiting (Redis-backed, through the security module)', () => {
  let redis: Redis;
  const apps: PlatformTestApp[] = [];
  const prefixes: string[] = [];

  async function start(config: ApiConfig): Promise<PlatformTestApp> {
    const test = await startPlatformApp(config, { imports: [TestUserModule, SecurityModule], controllers: [LimitedController] });
    apps.push(test);
    prefixes.push(config.keyPrefix);
    return test;
  }

  const call = (test: PlatformTestApp, config: ApiConfig, path: string, user?: string, method = 'GET') =>
    fetch(`${test.url}${config.appRoot}${path}`, { method, headers: user ? { 'x-test-user': user } : {} });

  async function statuses(test: PlatformTestApp, config: ApiConfig, path: string, times: number, user?: string, method = 'GET'): Promise<number[]> {
    const result: number[] = [];
    for (let i = 0; i < times; i += 1) result.push((await call(test, config, path, user, method)).status);
    return result;
  }

  beforeAll(() => {
    redis = new Redis();
  });

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((test) => test.close()));
    for (const prefix of prefixes.splice(0)) await deleteKeys(redis, prefix);
  });
  afterAll(() => redis.quit());

  it('limits a client by IP, answering 429 with Retry-After and an error id', async () => {
    const config = testConfig('api-ratelimit', LIMITS);
    const test = await start(config);
    expect(await statuses(test, config, '/things', 4)).toEqual([200, 200, 200, 200]);
    const refused = await call(test, config, '/things');
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toEqual({ detail: `Too many requests; retry in ${retryAfter} s`, error_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    // One counter in Redis under the prefix, living for the window.
    const keys = await redis.keys(`${config.keyPrefix}ratelimit:*`);
    expect(keys).toEqual([`${config.keyPrefix}ratelimit:default:ip:127.0.0.1`]);
    expect(await redis.get(keys[0])).toBe('5');
    const ttl = await redis.pttl(keys[0]);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('counts an authenticated client by username: one user at the limit does not hold back another, nor anonymous calls', async () => {
    const config = testConfig('api-ratelimit', LIMITS);
    const test = await start(config);
    expect(await statuses(test, config, '/things', 5, 'ann')).toEqual([200, 200, 200, 200, 429]);
    expect(await statuses(test, config, '/things', 4, 'bob')).toEqual([200, 200, 200, 200]);
    expect(await statuses(test, config, '/things', 1)).toEqual([200]);
    expect(await redis.get(`${config.keyPrefix}ratelimit:default:user:ann`)).toBe('5');
    expect(await redis.get(`${config.keyPrefix}ratelimit:default:user:bob`)).toBe('4');
  });

  it('limits POST /publish per user on top of the general limit', async () => {
    const config = testConfig('api-ratelimit', LIMITS);
    const test = await start(config);
    expect(await statuses(test, config, '/publish', 2, 'carl', 'POST')).toEqual([201, 201]);
    // Express routes paths case-insensitively and with a trailing slash: so does the limit.
    const sneaky = await fetch(`${test.url}${config.appRoot.toUpperCase()}/PUBLISH/`, { method: 'POST', headers: { 'x-test-user': 'carl' } });
    expect(sneaky.status).toBe(429);
    // The general limit (4) is not reached yet: carl may still call other routes.
    expect(await statuses(test, config, '/things', 1, 'carl')).toEqual([200]);
    // Another user publishes freely.
    expect(await statuses(test, config, '/publish', 2, 'dora', 'POST')).toEqual([201, 201]);
    expect(await redis.get(`${config.keyPrefix}ratelimit:publish:user:carl`)).toBe('3');
  });

  it('never limits health, metrics and the API documents', async () => {
    const config = testConfig('api-ratelimit', LIMITS);
    const test = await start(config);
    expect(await statuses(test, config, '/things', 5)).toEqual([200, 200, 200, 200, 429]);
    for (const path of ['/health/live', '/metrics', '/openapi.json']) expect(await statuses(test, config, path, 6)).toEqual([200, 200, 200, 200, 200, 200]);
    // At the root too.
    expect((await fetch(`${test.url}/health/live`)).status).toBe(200);
  });

  it('shares the counters between two API instances on the same prefix', async () => {
    const config = testConfig('api-ratelimit', LIMITS);
    const one = await start(config);
    const two = await start(config);
    expect(await statuses(one, config, '/things', 2, 'erin')).toEqual([200, 200]);
    expect(await statuses(two, config, '/things', 2, 'erin')).toEqual([200, 200]);
    expect(await statuses(one, config, '/things', 1, 'erin')).toEqual([429]);
    expect(await statuses(two, config, '/things', 1, 'erin')).toEqual([429]);
  });

  it('turns a limit off with 0', async () => {
    const config = testConfig('api-ratelimit', { RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_PUBLISH_PER_MINUTE: '0' });
    const test = await start(config);
    expect(new Set(await statuses(test, config, '/things', 8))).toEqual(new Set([200]));
    expect(new Set(await statuses(test, config, '/publish', 8, 'fred', 'POST'))).toEqual(new Set([201]));
    expect(await redis.keys(`${config.keyPrefix}ratelimit:*`)).toEqual([]);
  });
});

describe('RedisThrottlerStorage', () => {
  it('fails with code redis_error (→ 503) when Redis does not answer', async () => {
    // Never connected and no offline queue: every command fails at once, as on a connection that is down.
    const down = new Redis({ lazyConnect: true, enableOfflineQueue: false });
    const storage = new RedisThrottlerStorage(down, 'test:api-ratelimit-down:');
    await expect(storage.increment('default:ip:x', 60_000, 5, 60_000, 'default')).rejects.toMatchObject({ code: 'redis_error', name: 'RateLimitStorageError' });
    down.disconnect();
  });
});
