import { NOTIFICATION_EVENT, NotificationStore } from '../src/notification.store';
import { redisFixture } from './redis-fixture';

const fixture = redisFixture();
const redis = fixture.connect();
let tick = 0;
const clock = () => new Date(Date.parse('2025-05-20T10:00:00.000Z') + 1000 * tick++);
const store = new NotificationStore({ redis, keyPrefix: fixture.prefix, clock });

afterAll(() => fixture.cleanup());

const titles = (list: { title: string }[]) => list.map((n) => n.title);

describe('NotificationStore on the real Redis', () => {
  it("shows a user their own and the system-wide notifications, never another user's", async () => {
    await store.create({ status: 'processing', title: 'A started', message: 'm', user_id: 'ann', job_id: 'j1', solution: 'zcp' });
    await store.create({ status: 'info', title: 'ZCP Manuals Updated', message: 'm', notification_type: 'document_update' });
    await store.create({ status: 'success', title: 'B done', message: 'm', user_id: 'bob', job_id: 'j2' });
    await store.create({ status: 'success', title: 'A done', message: 'm', user_id: 'ann', job_id: 'j1' });
    expect(titles(await store.list('ann'))).toEqual(['A done', 'ZCP Manuals Updated', 'A started']);
    expect(titles(await store.list('bob'))).toEqual(['B done', 'ZCP Manuals Updated']);
    expect(titles(await store.list('ann', { includeAll: true }))).toEqual(['A done', 'B done', 'ZCP Manuals Updated', 'A started']);
    expect(titles(await store.list('ann', { jobId: 'j1', limit: 1 }))).toEqual(['A done']);
    expect((await store.latest('bob'))?.title).toBe('B done');
  });

  it('keeps the original key order and sends each notification to its stream', async () => {
    const n = await store.create({ status: 'error', title: 'Manual Export Failed', message: 'x', user_id: 'cy', job_id: 'j9', document_title: 'zcp/install', node: { notion_page_id: 'p' } });
    expect(Object.keys(n)).toEqual(['id', 'status', 'title', 'message', 'solution', 'user_id', 'job_id', 'created_at', 'is_read', 'document_title', 'notification_type', 'node']);
    expect(n).toMatchObject({ notification_type: 'job_result', is_read: false, created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) });
    const [[, fields]] = await redis.xrange(`${fixture.prefix}notifications:cy`, '-', '+');
    expect(fields).toEqual(['type', NOTIFICATION_EVENT, 'data', JSON.stringify(n)]);
    await expect(store.create({ status: 'bad' as 'info', title: 't', message: 'm' })).rejects.toMatchObject({ code: 'invalid_notification' });
  });

  it('marks read and clears per user: a system-wide notification stays unread and visible for the others', async () => {
    const system = await store.create({ status: 'info', title: 'Maintenance', message: 'm' });
    await store.markRead('dan', system.id);
    expect(titles(await store.list('dan'))).not.toContain('Maintenance');
    expect((await store.list('dan', { includeRead: true })).find((n) => n.id === system.id)?.is_read).toBe(true);
    expect((await store.list('eve')).find((n) => n.id === system.id)?.is_read).toBe(false);
    await expect(store.markRead('eve', (await store.list('ann')).find((n) => n.user_id === 'ann')!.id)).rejects.toMatchObject({ code: 'notification_not_found' });

    const own = await store.create({ status: 'success', title: 'Dan done', message: 'm', user_id: 'dan' });
    expect(await store.clear('dan')).toEqual({ deleted: 1 });
    expect(await store.list('dan', { includeRead: true })).toEqual([]);
    expect(await redis.exists(`${fixture.prefix}notif:record:${own.id}`)).toBe(0);
    expect(titles(await store.list('eve'))).toContain('Maintenance');
    await store.create({ status: 'info', title: 'After clear', message: 'm' });
    expect(titles(await store.list('dan'))).toEqual(['After clear']);
  });

  it('hides on clear only what existed, even what was created in the same millisecond', async () => {
    const sameMs = new NotificationStore({ redis, keyPrefix: `${fixture.prefix}same-ms:`, clock: () => new Date('2025-05-20T10:00:00.000Z') });
    await sameMs.create({ status: 'info', title: 'before clear', message: 'm' });
    await sameMs.clear('dan');
    await sameMs.create({ status: 'info', title: 'after clear, same ms', message: 'm' });
    expect(titles(await sameMs.list('dan'))).toEqual(['after clear, same ms']);
    expect(titles(await sameMs.list('eve'))).toHaveLength(2);
  });

  it('refuses a user id that is empty or would address the system-wide stream', async () => {
    const systemStream = `${fixture.prefix}notifications:*`;
    const before = await redis.xlen(systemStream);
    for (const user_id of ['*', '']) {
      await expect(store.create({ status: 'info', title: 't', message: 'm', user_id })).rejects.toMatchObject({ code: 'invalid_notification' });
    }
    expect(await redis.xlen(systemStream)).toBe(before);
  });

  it('prunes the streams with the notifications, so nothing pruned can be replayed, and expires idle user streams', async () => {
    const real = new NotificationStore({ redis, keyPrefix: `${fixture.prefix}real-clock:`, maxAgeMs: 60_000 });
    await real.create({ status: 'info', title: 'system', message: 'm' });
    await real.create({ status: 'info', title: 'for ann', message: 'm', user_id: 'ann' });
    const userStream = `${fixture.prefix}real-clock:notifications:ann`;
    const pttl = await redis.pttl(userStream);
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(60_000);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await real.prune(new Date())).toBe(2);
    expect(await redis.exists(`${fixture.prefix}real-clock:notifications:*`, userStream)).toBe(0);
    await real.create({ status: 'info', title: 'newer', message: 'm' });
    expect(await redis.xlen(`${fixture.prefix}real-clock:notifications:*`)).toBe(1);
  });

  it('keeps at most maxCount notifications and prunes by age', async () => {
    const small = new NotificationStore({ redis, keyPrefix: `${fixture.prefix}small:`, clock, maxCount: 5, maxAgeMs: 10_000 });
    for (let i = 1; i <= 8; i += 1) await small.create({ status: 'info', title: `n${i}`, message: 'm', user_id: 'ann' });
    expect(titles(await small.list('ann', { limit: 100 }))).toEqual(['n8', 'n7', 'n6', 'n5', 'n4']);
    // The clock moved on 1 s per call; everything older than 10 s before "now" goes.
    tick += 7;
    expect(await small.prune()).toBe(2);
    expect(titles(await small.list('ann', { limit: 100 }))).toEqual(['n8', 'n7', 'n6']);
  });
});
