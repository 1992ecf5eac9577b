import { randomUUID } from 'node:crypto';
import { SSE_STATS } from '../api.tokens';
import type { SseStats } from '../api.tokens';
import { eventually } from '../testing/eventually';
import { openSse, openSseStream } from './testing/sse-test-client';
import type { SseTestStream } from './testing/sse-test-client';
import { problem } from '../testing/api-test-app';
import { as, startStreamsTestApp } from './testing/streams-test-app';
import type { StreamsTestApp } from './testing/streams-test-app';
import { StreamsModule } from './streams.module';

let t: StreamsTestApp;
let closed = false;

beforeAll(async () => {
  // A long grace period: a terminal job's watch stays open until the server closes it.
  t = await startStreamsTestApp('api-sse-caps', [StreamsModule], {
    SSE_MAX_PER_USER: '2',
    SSE_MAX_CONNECTIONS: '3',
    SSE_CLOSE_DELAY_MS: '600000',
    SSE_HEARTBEAT_MS: '150',
    SSE_PING_EVENT_MS: '100',
  });
});

afterAll(async () => {
  if (!closed) await t.close();
});

const stats = () => t.app.get<SseStats>(SSE_STATS).open();
const notificationsUrl = () => `${t.base}/notifications/stream`;

async function newJob(owner: string, terminal = false): Promise<string> {
  const jobId = randomUUID();
  await t.jobs.create({ job_id: jobId, notion_page_id: '1abb7135d33b80a79efff5ae2eaced37', solution: 'zcp', initiated_by: owner, title: 'install' });
  if (terminal) {
    const { attempt } = await t.jobs.start(jobId);
    await t.jobs.update(jobId, { attempt, status: 'completed', message: 'done' });
  }
  return jobId;
}

describe('SSE connection caps', () => {
  const open: SseTestStream[] = [];
  afterEach(async () => {
    for (const stream of open.splice(0)) stream.close();
    await eventually(() => stats().watch + stats().notifications === 0, 'every slot to be released', 5_000);
  });

  it('answers 429 with Retry-After before any SSE byte once a user has SSE_MAX_PER_USER streams, and frees the slot on close', async () => {
    open.push(await openSseStream(`${t.base}/watch/${await newJob('ann')}`, as('ann')));
    open.push(await openSseStream(notificationsUrl(), as('ann')));
    expect(stats()).toEqual({ watch: 1, notifications: 1 });

    const refused = await openSse(notificationsUrl(), as('ann'));
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse((refused as { body: string }).body)).toEqual(problem('Too many open streams for this user (max 2); close one and retry'));
    const refusedWatch = await openSse(`${t.base}/watch/${await newJob('ann')}`, as('ann'));
    expect(refusedWatch.status).toBe(429);
    expect(stats()).toEqual({ watch: 1, notifications: 1 });

    open.shift()!.close();
    await eventually(() => stats().watch === 0, 'the closed watch to be released', 5_000);
    open.push(await openSseStream(notificationsUrl(), as('ann')));
    expect(stats()).toEqual({ watch: 0, notifications: 2 });
  });

  it('answers 429 to anyone once the process holds SSE_MAX_CONNECTIONS streams', async () => {
    open.push(await openSseStream(notificationsUrl(), as('ann')));
    open.push(await openSseStream(notificationsUrl(), as('bob')));
    open.push(await openSseStream(notificationsUrl(), as('cid')));
    const refused = await openSse(notificationsUrl(), as('dan'));
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('5');
    expect(JSON.parse((refused as { body: string }).body)).toEqual(problem('Too many open streams on this server (max 3); retry shortly'));
  });
});

describe('keep-alives', () => {
  it('sends the heartbeat comment and the ping event at the configured intervals', async () => {
    const stream = await openSseStream(notificationsUrl(), as('eve'));
    try {
      await eventually(() => stream.comments.length >= 2 && stream.frames.filter((f) => f.event === 'ping').length >= 2, 'heartbeats and pings', 3_000);
      expect(stream.comments[0]).toMatch(/^ping - \d{4}-\d\d-\d\dT[\d:.]+Z$/);
      expect(stream.frames.find((f) => f.event === 'ping')!.data).toMatch(/^ping - \d{4}-\d\d-\d\dT[\d:.]+Z$/);
    } finally {
      stream.close();
      await eventually(() => stats().notifications === 0, 'the slot to be released', 5_000);
    }
  });
});

describe('application shutdown', () => {
  it('closes every open stream so app.close() returns promptly, even in a watch grace period', async () => {
    const watching = await openSseStream(`${t.base}/watch/${await newJob('ann', true)}`, as('ann'));
    const live = await openSseStream(`${t.base}/watch/${await newJob('bob')}`, as('bob'));
    const notifications = await openSseStream(notificationsUrl(), as('cid'));
    await watching.waitFor(3);
    await live.waitFor(1);
    expect(stats()).toEqual({ watch: 2, notifications: 1 });

    const started = Date.now();
    closed = true;
    await t.close();
    expect(Date.now() - started).toBeLessThan(4_000);
    await Promise.all([watching.ended, live.ended, notifications.ended]);
    expect(stats()).toEqual({ watch: 0, notifications: 0 });
  });
});
