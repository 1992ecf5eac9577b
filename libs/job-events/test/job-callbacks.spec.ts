import { JobStoreError } from '../src/errors';
import { JobStore } from '../src/job.store';
import { redisFixture } from './redis-fixture';

const fixture = redisFixture();
const redis = fixture.connect();
const jobs = new JobStore({ redis, keyPrefix: fixture.prefix, callbackLimit: 3 });

afterAll(() => fixture.cleanup());

const streamLength = (jobId: string) => redis.xlen(`${fixture.prefix}job:${jobId}`);
const attempt = (n: number, ok = false) => ({
  url: 'https://hooks.example/done?run=7',
  attempt: n,
  status_code: ok ? 204 : 503,
  ok,
  error: ok ? null : 'http_503',
  duration_ms: 12.4,
  webhook_id: 'msg_1',
});

describe('JobStore.recordCallback', () => {
  it('appends deliveries to a finished job without touching its state, wire fields or stream', async () => {
    await jobs.create({ job_id: 'cb-done', solution: 'zcp' });
    const { attempt: run } = await jobs.start('cb-done');
    const done = await jobs.update('cb-done', { attempt: run, status: 'completed' });
    const events = await streamLength('cb-done');
    expect(done.callbacks).toEqual([]);

    await jobs.recordCallback('cb-done', attempt(1));
    const after = await jobs.recordCallback('cb-done', { ...attempt(2, true), at: '2025-05-20T10:00:00.000Z' });
    expect(after.status).toBe('completed');
    expect(after.finished_at).toBe(done.finished_at);
    expect(after.callbacks).toEqual([
      { url: 'https://hooks.example/done?run=7', attempt: 1, at: expect.stringMatching(/Z$/), status_code: 503, ok: false, error: 'http_503', duration_ms: 12, webhook_id: 'msg_1' },
      { url: 'https://hooks.example/done?run=7', attempt: 2, at: '2025-05-20T10:00:00.000Z', status_code: 204, ok: true, error: null, duration_ms: 12, webhook_id: 'msg_1' },
    ]);
    expect(await jobs.get('cb-done')).toEqual(after);
    expect(await streamLength('cb-done')).toBe(events);
    // The transition table still refuses every other update on a terminal job.
    await expect(jobs.update('cb-done', { message: 'late' })).rejects.toMatchObject({ code: 'illegal_transition' });
  });

  it('stores the url as given minus its userinfo, keeps the newest `callbackLimit`, and refuses a missing job', async () => {
    await jobs.create({ job_id: 'cb-many' });
    await jobs.recordCallback('cb-many', { ...attempt(0), url: 'HTTPS://ann:s3cret@Hooks.Example:8443/a/b?x=1#f' });
    for (const n of [1, 2, 3]) await jobs.recordCallback('cb-many', attempt(n));
    const record = (await jobs.get('cb-many'))!;
    expect(record.callbacks.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(record.status).toBe('queued');
    expect(JSON.stringify(record)).not.toContain('s3cret');

    await jobs.create({ job_id: 'cb-userinfo' });
    const stripped = await jobs.recordCallback('cb-userinfo', { ...attempt(0), url: 'HTTPS://ann:s3cret@Hooks.Example:8443/a/b?x=1#f' });
    expect(stripped.callbacks[0].url).toBe('HTTPS://Hooks.Example:8443/a/b?x=1#f');

    const missing = await jobs.recordCallback('cb-missing', attempt(1)).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(JobStoreError);
    expect(missing).toMatchObject({ code: 'job_not_found', jobId: 'cb-missing' });
  });

  it('reads a record written before `callbacks` existed as having none', async () => {
    const created = await jobs.create({ job_id: 'cb-old' });
    const { callbacks: _dropped, ...old } = created;
    await redis.hset(`${fixture.prefix}jobs:record:cb-old`, 'json', JSON.stringify(old));
    expect((await jobs.get('cb-old'))!.callbacks).toEqual([]);
    expect((await jobs.list({ size: 1000 })).items.find((j) => j.job_id === 'cb-old')!.callbacks).toEqual([]);
    const updated = await jobs.recordCallback('cb-old', attempt(1));
    expect(updated.callbacks).toHaveLength(1);
  });

  it('tells deleteFinishedBefore callers which jobs went (to delete what is kept beside them)', async () => {
    await jobs.create({ job_id: 'cb-gone' });
    await jobs.start('cb-gone');
    await jobs.update('cb-gone', { status: 'failed' });
    const deleted: string[] = [];
    const count = await jobs.deleteFinishedBefore(new Date(Date.now() + 60_000), { onDeleted: (id) => void deleted.push(id) });
    expect(deleted).toContain('cb-gone');
    expect(deleted).toContain('cb-done');
    expect(count).toBe(deleted.length);
    expect(await redis.exists(`${fixture.prefix}job:cb-gone`)).toBe(0);
  });
});
