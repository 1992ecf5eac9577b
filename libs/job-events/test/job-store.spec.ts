import { JobStoreError } from '../src/errors';
import type { JobRecord } from '../src/job-record';
import type { JobState } from '../src/job-state';
import { JOB_STATUS_EVENT, JobStore } from '../src/job.store';
import { redisFixture } from './redis-fixture';

const fixture = redisFixture();
const start = Date.parse('2025-05-20T10:00:00.000Z');
let tick = 0;
/** Every call is one second later: creation order is the order of the calls. */
const clock = () => new Date(start + 1000 * tick++);
const redis = fixture.connect();
const store = new JobStore({ redis, keyPrefix: fixture.prefix, clock, logLimit: 5 });
// A second store on its own connection: another process writing the same jobs.
const otherProcess = new JobStore({ redis: fixture.connect(), keyPrefix: fixture.prefix, clock, logLimit: 5 });
const otherConnection = fixture.connect();
const otherStore = (keyPrefix: string) => new JobStore({ redis: otherConnection, keyPrefix, clock });

afterAll(() => fixture.cleanup());

const streamEvents = async (jobId: string) =>
  (await redis.xrange(`${fixture.prefix}job:${jobId}`, '-', '+')).map(([, fields]) => ({ type: fields[1], data: JSON.parse(fields[3]) as { status: string } }));

describe('JobStore on the real Redis', () => {
  it('creates a job once, reads it back, and appends its first status event', async () => {
    const created = await store.create({ job_id: 'j-create', notion_page_id: 'p1', solution: 'zcp', initiated_by: 'ann', title: 'install', is_directory: false, parent_id: 'p0', target_languages: ['ko', 'ja'] });
    expect(await store.get('j-create')).toEqual(created);
    expect(created).toMatchObject({ status: 'queued', attempt: 0, target_languages: ['ko', 'ja'], created_at: expect.stringMatching(/Z$/) });
    await expect(store.create({ job_id: 'j-create' })).rejects.toMatchObject({ code: 'job_exists', jobId: 'j-create' });
    const events = await streamEvents('j-create');
    expect(events).toHaveLength(1);
    expect(events[0].type).toBe(JOB_STATUS_EVENT);
    expect(Object.keys(events[0].data)).toEqual([
      'job_id', 'status', 'message', 'total_progress', 'failure_reason', 'export_progress', 'translation_progress',
      'export_files', 'notion_page_id', 'solution', 'initiated_by', 'title', 'is_directory', 'parent_id',
    ]);
    expect(await store.get('missing')).toBeNull();
  });

  it('pages newest first, with and without a status filter, exactly over 1,000 jobs', async () => {
    const statuses: JobState[] = ['queued', 'exporting', 'completed', 'failed'];
    const ids = Array.from({ length: 1000 }, (_, i) => `bulk-${String(i).padStart(4, '0')}`);
    await Promise.all(ids.map((job_id) => store.create({ job_id, solution: 'zcp' })));
    // Move jobs to their status concurrently (ioredis pipelines the commands).
    const wanted = new Map(ids.map((id, i) => [id, statuses[i % 4]]));
    await Promise.all(
      ids.map(async (id) => {
        const status = wanted.get(id)!;
        if (status === 'queued') return;
        await store.start(id, { worker: 'w1' });
        if (status !== 'exporting') await store.update(id, { status: 'exporting' });
        await store.update(id, { status });
      }),
    );
    const newestFirst = [...ids].reverse(); // created in this order, one second apart
    const all: string[] = [];
    for (let page = 1; ; page += 1) {
      const result = await store.list({ page, size: 37 });
      expect(result.total).toBeGreaterThanOrEqual(1000);
      if (result.items.length === 0) break;
      all.push(...result.items.map((j) => j.job_id).filter((id) => id.startsWith('bulk-')));
    }
    expect(all).toEqual(newestFirst);
    for (const status of statuses) {
      const expected = newestFirst.filter((id) => wanted.get(id) === status);
      const page3 = await store.list({ status, page: 3, size: 20 });
      expect(page3.total).toBe(expected.length + (status === 'queued' ? 1 : 0)); // + j-create
      const expectedPage3 = (status === 'queued' ? [...expected, 'j-create'] : expected).slice(40, 60);
      expect(page3.items.map((j) => j.job_id)).toEqual(expectedPage3);
      expect(page3.items.every((j) => j.status === status)).toBe(true);
    }
    const limited = await store.list({ status: 'failed', limit: 10 });
    expect(limited.items.map((j) => j.job_id)).toEqual(newestFirst.filter((id) => wanted.get(id) === 'failed').slice(0, 10));
    await expect(store.list({ size: 0 })).rejects.toMatchObject({ code: 'invalid_query' });
    await expect(store.list({ status: 'nope' as JobState })).rejects.toMatchObject({ code: 'invalid_query' });
  });

  it('never shows a job on the page of a status it has just left (the page is read atomically)', async () => {
    const store = new JobStore({ redis, keyPrefix: `${fixture.prefix}moving:`, clock });
    const mover = new JobStore({ redis: fixture.connect(), keyPrefix: `${fixture.prefix}moving:`, clock });
    const ids = Array.from({ length: 1000 }, (_, i) => `m-${i}`);
    await Promise.all(ids.map((job_id) => store.create({ job_id, status: 'started' })));
    const moving = Promise.all(ids.map((id) => mover.update(id, { status: 'exporting' })));
    const seen: string[] = [];
    for (let round = 0; round < 40; round += 1) {
      const page = await store.list({ status: 'started', size: 200 });
      seen.push(...page.items.map((j) => j.status));
      if (page.total === 0) break;
    }
    await moving;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((status) => status === 'started')).toBe(true);
  });

  it('rejects illegal transitions and leaves the record as it was', async () => {
    await store.create({ job_id: 'j-illegal' });
    await expect(store.update('j-illegal', { status: 'pushing' })).rejects.toMatchObject({ code: 'illegal_transition', from: 'queued', to: 'pushing' });
    await store.start('j-illegal');
    await expect(store.update('j-illegal', { status: 'queued' })).rejects.toMatchObject({ code: 'illegal_transition', from: 'started', to: 'queued' });
    const done = await store.update('j-illegal', { status: 'completed', message: 'Manual published successfully and pushed to GitHub' });
    expect(done).toMatchObject({ total_progress: 100, translation_progress: 100, finished_at: expect.any(String) });
    for (const patch of [{ status: 'failed' as const }, { message: 'late' }, { status: 'completed' as const }]) {
      await expect(store.update('j-illegal', patch)).rejects.toBeInstanceOf(JobStoreError);
    }
    expect(await store.get('j-illegal')).toEqual(done);
    await expect(store.start('j-illegal')).rejects.toMatchObject({ code: 'illegal_transition' });
    await expect(store.update('nope', { message: 'x' })).rejects.toMatchObject({ code: 'job_not_found' });
    expect((await streamEvents('j-illegal')).map((e) => e.data.status)).toEqual(['queued', 'started', 'completed']);
  });

  it('lets exactly one of two racing processes finish a job, and loses no concurrent update', async () => {
    await store.create({ job_id: 'j-race' });
    await store.start('j-race', { worker: 'w1' });
    const outcomes = await Promise.allSettled([
      store.update('j-race', { status: 'completed' }),
      otherProcess.update('j-race', { status: 'failed', failure: { code: 'push_rejected', step: 'pushing', message: 'no' } }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const loser = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
    expect(loser.reason).toMatchObject({ code: 'illegal_transition' });
    const final = (await store.get('j-race'))!;
    expect(['completed', 'failed']).toContain(final.status);
    expect((await streamEvents('j-race')).filter((e) => e.data.status === 'completed' || e.data.status === 'failed')).toHaveLength(1);

    await store.create({ job_id: 'j-counters' });
    await store.start('j-counters');
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? store : otherProcess).update('j-counters', { status: 'exporting', log: [`line ${i}`] })),
    );
    const record = (await store.get('j-counters'))!;
    expect(record.log).toHaveLength(5); // bounded: the last 5 of 40 appends
    expect(new Set(record.log).size).toBe(5);
    expect(record.updated_at > record.created_at).toBe(true);
  });

  it('keeps the cancel request when a worker still reports a step, and re-runs a stalled job as a new attempt', async () => {
    await store.create({ job_id: 'j-rerun', solution: 'zcp' });
    await store.start('j-rerun', { worker: 'pod-a' });
    await store.update('j-rerun', { status: 'exporting', export_progress: 40, total_progress: 20, counters: { pages: 4 } });
    const rerun = await otherProcess.start('j-rerun', { worker: 'pod-b', message: 'Resuming or initializing publish job...' });
    expect(rerun).toMatchObject({ status: 'started', attempt: 2, worker: 'pod-b', export_progress: 0, total_progress: 0, counters: { pages: 0 } });
    const cancelled = await store.markCancelRequested('j-rerun');
    expect(cancelled.record.status).toBe('cancel_requested');
    const kept = await store.update('j-rerun', { status: 'pushing', message: 'Pushing changes' });
    expect(kept).toMatchObject({ status: 'cancel_requested', message: 'Pushing changes' });
  });

  it('refuses the updates of a replaced attempt (a worker thought dead) and a late report of an earlier step', async () => {
    await store.create({ job_id: 'j-zombie' });
    const first = await store.start('j-zombie', { worker: 'pod-a' });
    await store.update('j-zombie', { attempt: first.attempt, status: 'translating', translation_progress: 80 });
    const second = await otherProcess.start('j-zombie', { worker: 'pod-b' });
    await store.update('j-zombie', { attempt: second.attempt, status: 'checking_repo' });
    await expect(store.update('j-zombie', { attempt: first.attempt, status: 'pushing' })).rejects.toMatchObject({ code: 'stale_attempt', jobId: 'j-zombie' });
    await store.update('j-zombie', { attempt: second.attempt, status: 'export_commit' });
    await expect(store.update('j-zombie', { attempt: second.attempt, status: 'exporting', export_progress: 90 })).rejects.toMatchObject({ code: 'illegal_transition', from: 'export_commit', to: 'exporting' });
    expect(await store.get('j-zombie')).toMatchObject({ status: 'export_commit', attempt: 2, worker: 'pod-b', translation_progress: 0, export_progress: 0 });
    expect((await streamEvents('j-zombie')).map((e) => e.data.status)).toEqual(['queued', 'started', 'translating', 'started', 'checking_repo', 'export_commit']);
  });

  it("keeps each user's jobs in their own indexes through create, every transition, delete and retention", async () => {
    const prefix = `${fixture.prefix}users:`;
    const store = new JobStore({ redis, keyPrefix: prefix, clock });
    const userIndex = (user: string, status?: string) => `${prefix}jobs:index:user:${user}${status ? `:status:${status}` : ''}`;
    for (const [job_id, initiated_by] of [['a1', 'ann'], ['b1', 'bob'], ['a2', 'ann'], ['n1', null], ['a3', 'ann'], ['x1', 'ann:status:queued'], ['e1', '']] as const) {
      await store.create({ job_id, initiated_by, solution: 'zcp' });
    }
    const ids = async (query: Parameters<JobStore['list']>[0]) => (await store.list(query)).items.map((j) => j.job_id);
    expect(await store.list({ initiatedBy: 'ann' })).toMatchObject({ total: 3, page: 1, size: 20 });
    expect(await ids({ initiatedBy: 'ann' })).toEqual(['a3', 'a2', 'a1']);
    expect(await ids({ initiatedBy: 'ann', page: 2, size: 2 })).toEqual(['a1']);
    expect(await ids({ initiatedBy: 'ann', limit: 1 })).toEqual(['a3']);
    expect(await ids({ initiatedBy: 'bob', status: 'queued' })).toEqual(['b1']);
    // A user name with a colon has its own keys (URL-encoded), never another user's status index.
    expect(await ids({ initiatedBy: 'ann:status:queued' })).toEqual(['x1']);
    expect(await redis.zrange(userIndex('ann', 'queued'), 0, -1)).toEqual(['a1', 'a2', 'a3']);
    expect(await redis.zrange(userIndex('ann%3Astatus%3Aqueued'), 0, -1)).toEqual(['x1']);
    // A job without a user (or with an empty one) is in no user's index, but in everyone's.
    const userKeys = await redis.keys(`${prefix}jobs:index:user:*`);
    for (const key of userKeys) expect(await redis.zrange(key, 0, -1)).not.toEqual(expect.arrayContaining(['n1']));
    expect(userKeys.some((key) => key.endsWith('user:') || key.includes('user::'))).toBe(false);
    expect(await ids({})).toEqual(['e1', 'x1', 'a3', 'n1', 'a2', 'b1', 'a1']);

    // Every transition moves the job between the user's status indexes, in the same script as the global ones.
    await store.start('a1', { worker: 'w1' });
    await store.update('a1', { status: 'exporting' });
    await store.markCancelRequested('a2');
    await store.update('a3', { status: 'failed' });
    expect(await ids({ initiatedBy: 'ann', status: 'exporting' })).toEqual(['a1']);
    expect(await ids({ initiatedBy: 'ann', status: 'cancel_requested' })).toEqual(['a2']);
    expect(await ids({ initiatedBy: 'ann', status: 'failed' })).toEqual(['a3']);
    expect(await store.list({ initiatedBy: 'ann', status: 'queued' })).toMatchObject({ items: [], total: 0 });
    expect(await redis.exists(userIndex('ann', 'started'))).toBe(0); // left again when it moved on
    expect(await ids({ initiatedBy: 'ann' })).toEqual(['a3', 'a2', 'a1']);
    await store.start('a1', { worker: 'w2' }); // a re-run after a stalled worker
    expect(await ids({ initiatedBy: 'ann', status: 'started' })).toEqual(['a1']);
    expect(await redis.exists(userIndex('ann', 'exporting'))).toBe(0);

    // Delete and retention take the job out of its user's indexes too.
    expect(await store.delete('a2')).toBe(true);
    expect(await ids({ initiatedBy: 'ann' })).toEqual(['a3', 'a1']);
    expect(await redis.exists(userIndex('ann', 'cancel_requested'))).toBe(0);
    await store.update('b1', { status: 'cancelled' });
    const finished = Date.parse((await store.get('b1'))!.finished_at!);
    expect(await store.deleteFinishedBefore(new Date(finished + 1))).toBe(2); // a3 (failed before) and b1
    expect(await store.list({ initiatedBy: 'bob' })).toMatchObject({ items: [], total: 0 });
    expect(await ids({ initiatedBy: 'ann' })).toEqual(['a1']);
    expect(await redis.exists(userIndex('bob'), userIndex('bob', 'cancelled'), userIndex('ann', 'failed'))).toBe(0);

    await expect(store.list({ initiatedBy: '' })).rejects.toMatchObject({ code: 'invalid_query' });
  });

  it("re-reads the record when its user changed under a write (a job deleted and created again by someone else)", async () => {
    const prefix = `${fixture.prefix}recreated:`;
    const store = new JobStore({ redis, keyPrefix: prefix, clock });
    await store.create({ job_id: 'same', initiated_by: 'ann' });
    // Another process deletes the job and creates one with the same id for bob, between our read and our write.
    const hmget = redis.hmget.bind(redis);
    let swapped = false;
    const spy = jest.spyOn(redis, 'hmget').mockImplementation(async (...args: Parameters<typeof redis.hmget>) => {
      const reply = await hmget(...args);
      if (!swapped) {
        swapped = true;
        await otherStore(prefix).delete('same');
        await otherStore(prefix).create({ job_id: 'same', initiated_by: 'bob' });
      }
      return reply;
    });
    try {
      await store.update('same', { status: 'started' });
    } finally {
      spy.mockRestore();
    }
    expect((await store.list({ initiatedBy: 'bob', status: 'started' })).items.map((j) => j.job_id)).toEqual(['same']);
    expect(await store.list({ initiatedBy: 'ann' })).toMatchObject({ total: 0 });
    expect(await store.list({ initiatedBy: 'bob', status: 'queued' })).toMatchObject({ total: 0 });
  });

  it('deletes a job with its stream and indexes, and applies retention by finish time', async () => {
    const store = new JobStore({ redis, keyPrefix: `${fixture.prefix}retention:`, clock });
    await store.create({ job_id: 'j-old' });
    await store.update('j-old', { status: 'failed' });
    await store.create({ job_id: 'j-new' });
    await store.update('j-new', { status: 'cancelled' });
    await store.create({ job_id: 'j-running' });
    await store.start('j-running');
    const finishedOld = Date.parse((await store.get('j-old'))!.finished_at!);
    expect(await store.deleteFinishedBefore(new Date(finishedOld + 1))).toBe(1);
    expect(await store.get('j-old')).toBeNull();
    expect(await redis.exists(`${fixture.prefix}retention:job:j-old`, `${fixture.prefix}retention:jobs:record:j-old`)).toBe(0);
    expect((await store.list({ status: 'failed', size: 1000 })).items.map((j: JobRecord) => j.job_id)).not.toContain('j-old');
    expect(await store.get('j-new')).not.toBeNull();
    expect(await store.delete('j-running')).toBe(true);
    expect(await store.delete('j-running')).toBe(false);
    expect((await store.list({ status: 'started', size: 1000 })).items.map((j) => j.job_id)).not.toContain('j-running');
  });
});
