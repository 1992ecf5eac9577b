import { Logger } from '@nestjs/common';
import { SecretRedactor } from '@zmp-manual/app-config';
import type { ManualsCacheItem } from '@zmp-manual/job-events';
import { ManualsCacheStore } from '@zmp-manual/job-events';
import type { SolutionSettings } from '@zmp-manual/publish-pipeline';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { ApiError } from '../errors/api-error';
import { ManualsCacheService } from './manuals-cache.service';
import type { ManualsTreeSource } from './manuals-tree.source';
import { keysUnder } from '../testing/redis-keys';

const keyPrefix = `test:api-manuals-cache:${randomUUID()}:`;
const TOKEN = 'secret_notion_token_for_the_cache_spec';
const ZCP: SolutionSettings = { id: 'zcp', rootPageId: '00000000-0000-4000-8000-000000000001', repository: null, layout: 'single' };

const item = (title: string): ManualsCacheItem => ({
  object_id: randomUUID(),
  title,
  is_directory: false,
  parent_id: null,
  notion_url: 'https://www.notion.so/x',
  index: 1,
  last_edited_time: null,
  last_edited_by: null,
  last_editor_avatar_url: null,
});

/** A Notion stand-in at the source port: each crawl waits until the test lets it finish. */
class GatedSource implements ManualsTreeSource {
  readonly configured = true;
  crawls = 0;
  private gates: Array<{ release: (items: ManualsCacheItem[]) => void; fail: (error: Error) => void }> = [];

  crawl(_solution: SolutionSettings, signal: AbortSignal): Promise<ManualsCacheItem[]> {
    this.crawls += 1;
    return new Promise((release, fail) => {
      this.gates.push({ release, fail });
      signal.addEventListener('abort', () => fail(new Error('aborted')), { once: true });
    });
  }

  /** Waits until a crawl is running, then finishes the oldest one. */
  async finish(outcome: ManualsCacheItem[] | Error): Promise<void> {
    while (this.gates.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const gate = this.gates.shift()!;
    if (outcome instanceof Error) gate.fail(outcome);
    else gate.release(outcome);
  }
}

let redis: Redis;
let store: ManualsCacheStore;
let source: GatedSource;
let cache: ManualsCacheService;

beforeAll(() => {
  Logger.overrideLogger(['error']); // the warnings and crawl logs this spec provokes
  redis = new Redis('redis://127.0.0.1:6379');
  store = new ManualsCacheStore({ redis, keyPrefix });
});

beforeEach(async () => {
  const keys = await keysUnder(redis, keyPrefix);
  if (keys.length > 0) await redis.del(...keys);
  source = new GatedSource();
  cache = new ManualsCacheService(store, source, new SecretRedactor([TOKEN]));
});

afterAll(async () => {
  const keys = await keysUnder(redis, keyPrefix);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

describe('ManualsCacheService', () => {
  it('shares one crawl between concurrent misses and stores it once', async () => {
    const tree = [item('zcp')];
    const reads = Promise.all([cache.items(ZCP), cache.items(ZCP), cache.items(ZCP)]);
    await source.finish(tree);
    expect(await reads).toEqual([tree, tree, tree]);
    expect(source.crawls).toBe(1);
    expect((await store.get('zcp'))?.items).toEqual(tree);
    expect(await cache.items(ZCP)).toEqual(tree);
    expect(source.crawls).toBe(1);
  });

  it('keeps a load that an invalidation overtook out of memory', async () => {
    const old = [item('old')];
    const pending = cache.items(ZCP);
    cache.invalidate('zcp'); // a newer tree was announced while the crawl ran
    await source.finish(old);
    expect(await pending).toEqual(old); // this caller still gets its answer
    const newer = [item('newer')];
    await redis.set(`${keyPrefix}manuals:cache:zcp`, JSON.stringify({ solution: 'zcp', items: newer, updated_at: new Date().toISOString() }));
    expect(await cache.items(ZCP)).toEqual(newer); // read again, not the overtaken load
    expect(await cache.cached('zcp')).toEqual(newer);
  });

  it('masks secrets in the 502 detail, caches nothing, and crawls again on the next miss', async () => {
    const failing = cache.items(ZCP);
    await source.finish(new Error(`401 from https://api.notion.com with Bearer ${TOKEN}`));
    const error = await failing.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, code: 'notion_unavailable' });
    expect((error as ApiError).detail).toMatch(/^Notion could not be read for the manuals of zcp: 401 from https:\/\/api\.notion\.com with Bearer /);
    expect((error as ApiError).detail).not.toContain(TOKEN);
    expect(await store.get('zcp')).toBeNull();
    const retry = cache.items(ZCP);
    await source.finish([item('zcp')]);
    await retry;
    expect(source.crawls).toBe(2);
  });

  it('never crawls for cached(): memory, then Redis, else null', async () => {
    expect(await cache.cached('zcp')).toBeNull();
    const tree = [item('stored')];
    await store.put('zcp', tree);
    expect(await cache.cached('zcp')).toEqual(tree);
    expect(source.crawls).toBe(0);
  });

  it('stops a running crawl at shutdown with a 503', async () => {
    const pending = cache.items(ZCP).catch((caught: unknown) => caught);
    while (source.crawls === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    cache.onModuleDestroy();
    expect(await pending).toMatchObject({ status: 503, code: 'shutting_down' });
  });
});
