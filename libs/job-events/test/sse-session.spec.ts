import { EventBus } from '../src/event-bus';
import { JobStore } from '../src/job.store';
import { watchJobSse } from '../src/job-watch.sse';
import { NotificationStore } from '../src/notification.store';
import { notificationsSse } from '../src/notification.sse';
import { CaptureSink } from './capture-sink';
import { redisFixture } from './redis-fixture';

const fixture = redisFixture();
const redis = fixture.connect();
const jobs = new JobStore({ redis, keyPrefix: fixture.prefix });
const notifications = new NotificationStore({ redis, keyPrefix: fixture.prefix });
const bus = new EventBus({ redis: fixture.connect(), createReader: fixture.connect, keyPrefix: fixture.prefix });
const frozen = new Date('2025-05-20T10:11:12.123Z');
const quiet = { heartbeatMs: 0, pingEventMs: 0, closeDelayMs: 0, clock: () => frozen };

afterAll(async () => {
  await bus.close();
  await fixture.cleanup();
});

/** The job's stream as [id, data JSON exactly as stored]. */
const stored = async (jobId: string) => (await redis.xrange(`${fixture.prefix}job:${jobId}`, '-', '+')).map(([id, fields]) => [id, fields[3]] as const);

describe('job watch SSE', () => {
  it('sends the current status, each change, and on failure the info, the final status again, done and the final ping', async () => {
    await jobs.create({ job_id: 'w-fail', solution: 'zcp', initiated_by: 'ann', title: 'install' });
    await jobs.start('w-fail');
    const sink = new CaptureSink();
    const session = watchJobSse({ bus, jobs, jobId: 'w-fail', sink, ...quiet });
    await sink.written(1);
    await jobs.update('w-fail', { status: 'exporting', export_progress: 50, total_progress: 25, message: '50.0%(1/2) - Exported page: install' });
    await jobs.update('w-fail', { status: 'failed', message: 'boom', failure_reason: 'export_failed' });
    expect(await session.done).toBe('terminal');
    const [, started, exporting, failed] = await stored('w-fail');
    expect(sink.text).toBe(
      `id: ${started[0]}\ndata: ${started[1]}\n\n` +
        `id: ${exporting[0]}\ndata: ${exporting[1]}\n\n` +
        `id: ${failed[0]}\ndata: ${failed[1]}\n\n` +
        `event: info\ndata: Job failed: boom\n\n` +
        `id: ${failed[0]}\ndata: ${failed[1]}\n\n` +
        `id: ${failed[0]}\nevent: done\ndata: ${failed[1]}\n\n` +
        `event: ping\ndata: final - 2025-05-20T10:11:12.123Z\n\n`,
    );
    expect(JSON.parse(failed[1])).toMatchObject({ status: 'failed', failure_reason: 'export_failed', message: 'boom' });
    expect(sink.ended).toBe(true);
    expect(bus.stats().subscribers).toBe(0);
  });

  it('resumes after a Last-Event-ID with exactly the missed events, and closes a finished job the client saw to the end', async () => {
    await jobs.create({ job_id: 'w-resume' });
    await jobs.start('w-resume');
    await jobs.update('w-resume', { status: 'exporting' });
    await jobs.update('w-resume', { status: 'completed' });
    const [, started, exporting, completed] = await stored('w-resume');
    const resumed = new CaptureSink();
    expect(await watchJobSse({ bus, jobs, jobId: 'w-resume', sink: resumed, lastEventId: started[0], ...quiet }).done).toBe('terminal');
    expect(resumed.text).toBe(
      `id: ${exporting[0]}\ndata: ${exporting[1]}\n\n` +
        `id: ${completed[0]}\ndata: ${completed[1]}\n\n` +
        `id: ${completed[0]}\ndata: ${completed[1]}\n\n` +
        `id: ${completed[0]}\nevent: done\ndata: ${completed[1]}\n\n` +
        `event: ping\ndata: final - 2025-05-20T10:11:12.123Z\n\n`,
    );
    const caughtUp = new CaptureSink();
    await watchJobSse({ bus, jobs, jobId: 'w-resume', sink: caughtUp, lastEventId: completed[0], ...quiet }).done;
    expect(caughtUp.text).toBe(`id: ${completed[0]}\ndata: ${completed[1]}\n\nid: ${completed[0]}\nevent: done\ndata: ${completed[1]}\n\nevent: ping\ndata: final - 2025-05-20T10:11:12.123Z\n\n`);
  });

  it('keeps pinging through the grace period after the final status, then closes', async () => {
    await jobs.create({ job_id: 'w-grace' });
    await jobs.update('w-grace', { status: 'cancelled' });
    const sink = new CaptureSink();
    expect(await watchJobSse({ bus, jobs, jobId: 'w-grace', sink, ...quiet, pingEventMs: 20, closeDelayMs: 200 }).done).toBe('terminal');
    const done = sink.chunks.findIndex((chunk) => chunk.includes('event: done'));
    const pings = sink.chunks.slice(done + 1, -1);
    expect(pings.length).toBeGreaterThan(0);
    expect(pings.every((chunk) => /^event: ping\ndata: ping - 2025-05-20T10:11:12.123Z\n\n$/.test(chunk))).toBe(true);
    expect(sink.chunks.at(-1)).toBe('event: ping\ndata: final - 2025-05-20T10:11:12.123Z\n\n');
    expect(sink.ended).toBe(true);
  });

  it('says "Job not found" for an unknown job, and transforms the status without changing the record', async () => {
    const missing = new CaptureSink();
    expect(await watchJobSse({ bus, jobs, jobId: 'w-none', sink: missing, ...quiet }).done).toBe('not_found');
    expect(missing.text).toBe('event: info\ndata: Job not found\n\n');

    await jobs.create({ job_id: 'w-title', title: 'install' });
    const sink = new CaptureSink();
    const session = watchJobSse({ bus, jobs, jobId: 'w-title', sink, ...quiet, transform: (s) => ({ ...s, title: `zcp/getting-started/${s.title}` }) });
    await sink.written(1);
    expect(JSON.parse(sink.chunks[0].split('data: ')[1])).toMatchObject({ title: 'zcp/getting-started/install' });
    expect((await jobs.get('w-title'))?.title).toBe('install');
    session.close();
    expect(await session.done).toBe('aborted');
  });

  it('stops following and frees its subscription when the client disconnects', async () => {
    await jobs.create({ job_id: 'w-close' });
    const sink = new CaptureSink();
    const session = watchJobSse({ bus, jobs, jobId: 'w-close', sink, ...quiet, heartbeatMs: 10 });
    await sink.written(2); // the status and at least one heartbeat comment
    expect(sink.chunks[1]).toMatch(/^: ping - \d{4}-\d\d-\d\dT[\d:.]+Z\n\n$/);
    expect(bus.stats().subscribers).toBe(1);
    sink.emit('close');
    expect(await session.done).toBe('client_closed');
    expect(bus.stats().subscribers).toBe(0);
    expect(sink.ended).toBe(false); // the client had gone: nothing to end
    const count = sink.chunks.length;
    await jobs.update('w-close', { status: 'started' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sink.chunks.length).toBe(count);
  });

  it('writes no heartbeat or ping to a client that stopped reading, and resumes them once it reads again', async () => {
    await jobs.create({ job_id: 'w-stalled' });
    const sink = Object.assign(new CaptureSink(), { writableNeedDrain: false });
    const session = watchJobSse({ bus, jobs, jobId: 'w-stalled', sink, ...quiet, heartbeatMs: 5, pingEventMs: 5 });
    await sink.written(3);
    sink.writableNeedDrain = true; // its socket buffer is full: the client is not reading
    const stalledAt = sink.chunks.length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sink.chunks.length).toBe(stalledAt);
    sink.writableNeedDrain = false;
    await sink.written(stalledAt + 2);
    sink.emit('close');
    expect(await session.done).toBe('client_closed');
  });
});

describe('notifications SSE', () => {
  it("starts with the user's newest notification, then sends theirs and system-wide ones, never another user's", async () => {
    await notifications.create({ status: 'info', title: 'old for ann', message: 'm', user_id: 'ann' });
    const latest = await notifications.create({ status: 'info', title: 'newest for ann', message: 'm', user_id: 'ann' });
    const sink = new CaptureSink();
    const session = notificationsSse({ bus, notifications, userId: 'ann', sink, ...quiet, retryMs: 5000 });
    await sink.written(2);
    expect(sink.chunks[0]).toBe('retry: 5000\n\n');
    const first = sink.chunks[1].match(/^id: (\S+)\ndata: (.*)\n\n$/)!;
    expect(JSON.parse(first[2])).toEqual(latest);
    await notifications.create({ status: 'success', title: 'for bob', message: 'm', user_id: 'bob' });
    const system = await notifications.create({ status: 'info', title: 'for everyone', message: 'm' });
    const own = await notifications.create({ status: 'success', title: 'for ann', message: 'm', user_id: 'ann' });
    await sink.written(4);
    const data = sink.chunks.slice(1).map((chunk) => JSON.parse(chunk.split('\ndata: ')[1]) as { title: string });
    expect(data.map((n) => n.title).sort()).toEqual(['for ann', 'for everyone', 'newest for ann']);
    session.close();
    await session.done;

    // Resume after the first live event: exactly the other one follows.
    const firstLiveId = sink.chunks[2].match(/^id: (\S+)\n/)![1];
    const resumed = new CaptureSink();
    const again = notificationsSse({ bus, notifications, userId: 'ann', sink: resumed, lastEventId: firstLiveId, ...quiet });
    await resumed.written(1);
    const missed = JSON.parse(resumed.chunks[0].split('\ndata: ')[1]) as { id: string };
    expect([system.id, own.id]).toContain(missed.id);
    expect(missed.id).not.toBe(JSON.parse(sink.chunks[2].split('\ndata: ')[1]).id);
    again.close();
    expect(await again.done).toBe('aborted');
  });

  it('re-checks resumed notifications: read ones are left out (or sent as read), cleared and deleted ones never come back', async () => {
    await notifications.create({ status: 'info', title: 'cy 0', message: 'm', user_id: 'cy' });
    const first = new CaptureSink();
    const session = notificationsSse({ bus, notifications, userId: 'cy', sink: first, ...quiet });
    await first.written(1); // the latest: cy 0
    await notifications.create({ status: 'info', title: 'cy 00', message: 'm', user_id: 'cy' });
    await first.written(2);
    session.close();
    await session.done;
    const cursor = first.chunks[1].match(/^id: (\S+)\n/)![1]; // the client saw cy 00
    const n1 = await notifications.create({ status: 'info', title: 'cy 1', message: 'm', user_id: 'cy' });
    await notifications.create({ status: 'info', title: 'cy 2', message: 'm', user_id: 'cy' });
    await notifications.create({ status: 'info', title: 'all 1', message: 'm' });
    await notifications.markRead('cy', n1.id);

    const resume = async (expected: string[], includeRead = false) => {
      const sink = new CaptureSink();
      const resumed = notificationsSse({ bus, notifications, userId: 'cy', sink, lastEventId: cursor, includeRead, ...quiet });
      const sent = () => sink.chunks.map((chunk) => JSON.parse(chunk.split('\ndata: ')[1]) as { title: string; is_read: boolean });
      // The last expected one of each stream has come: everything before it on that stream has been judged.
      while (!expected.every((title) => sent().some((n) => n.title === title))) await new Promise((resolve) => setTimeout(resolve, 5));
      resumed.close();
      await resumed.done;
      return sent();
    };
    expect((await resume(['cy 2', 'all 1'])).map((n) => n.title).sort()).toEqual(['all 1', 'cy 2']);
    expect((await resume(['cy 2', 'all 1'], true)).map((n) => [n.title, n.is_read]).sort()).toEqual([['all 1', false], ['cy 1', true], ['cy 2', false]]);

    await notifications.clear('cy'); // deletes cy's own, hides "all 1" for cy
    await notifications.create({ status: 'info', title: 'cy 3', message: 'm', user_id: 'cy' });
    await notifications.create({ status: 'info', title: 'all 2', message: 'm' });
    expect((await resume(['cy 3', 'all 2'], true)).map((n) => n.title).sort()).toEqual(['all 2', 'cy 3']);
  });
});
