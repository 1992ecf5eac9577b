import { toPublishStatus } from '@zmp-manual/job-events';
import type { PublishStatus } from '@zmp-manual/job-events';
import { EventSource } from 'eventsource';
import { randomUUID } from 'node:crypto';
import { SSE_STATS } from '../api.tokens';
import type { SseStats } from '../api.tokens';
import { eventually } from '../testing/eventually';
import { openSse, openSseStream } from './testing/sse-test-client';
import type { SseFrame } from './testing/sse-test-client';
import { problem } from '../testing/api-test-app';
import { as, startStreamsTestApp } from './testing/streams-test-app';
import type { StreamsTestApp } from './testing/streams-test-app';
import { StreamsModule } from './streams.module';

const PAGE_ID = '1abb7135d33b80a79efff5ae2eaced37';
const TITLE_PATH = 'zcp/getting-started/install';

let t: StreamsTestApp;

beforeAll(async () => {
  t = await startStreamsTestApp('api-watch', [StreamsModule]);
  t.paths.paths.set(`zcp/${PAGE_ID}`, TITLE_PATH);
});

afterAll(() => t.close());

async function newJob(owner = 'ann', pageId = PAGE_ID): Promise<string> {
  const jobId = randomUUID();
  await t.jobs.create({ job_id: jobId, notion_page_id: pageId, solution: 'zcp', initiated_by: owner, title: 'install', is_directory: false, parent_id: null });
  return jobId;
}

/** What the stream must send for the job now: the record's 14 keys, in order, with the title path. */
const wireOf = async (jobId: string, title = TITLE_PATH) => JSON.stringify({ ...toPublishStatus((await t.jobs.get(jobId))!), title });
const statusOf = (frame: SseFrame) => (JSON.parse(frame.data!) as PublishStatus).status;
const watchUrl = (jobId: string, query = '') => `${t.base}/watch/${jobId}${query}`;
const openWatches = () => t.app.get<SseStats>(SSE_STATS).open().watch;

describe('GET /watch/{id}', () => {
  it('streams a job to a real EventSource: the current status, each change in order with ids, then the closing sequence', async () => {
    const jobId = await newJob();
    const lookupsBefore = t.paths.lookups.length;
    const messages: MessageEvent[] = [];
    const named: Array<{ type: string; data: string; id: string }> = [];
    const es = new EventSource(watchUrl(jobId), {
      fetch: (url, init) => fetch(url, { ...init, headers: { ...init.headers, ...as('ann') } }),
    });
    es.onmessage = (event) => messages.push(event);
    const finalPing = new Promise<void>((resolve) => {
      for (const type of ['info', 'done', 'ping']) {
        es.addEventListener(type, (event) => {
          named.push({ type, data: event.data, id: event.lastEventId });
          if (type === 'ping' && event.data.startsWith('final - ')) resolve();
        });
      }
    });
    try {
      await eventually(() => messages.length === 1, 'the first status', 5_000);
      expect(messages[0].data).toBe(await wireOf(jobId));
      const queuedWire = messages[0].data;

      const { attempt } = await t.jobs.start(jobId, { worker: 'pod-1' });
      await eventually(() => messages.length === 2, 'started', 5_000);
      const startedWire = await wireOf(jobId);
      await t.jobs.update(jobId, { attempt, status: 'exporting', message: '50.0%(1/2) - Exported page: install', export_progress: 50, total_progress: 25, export_files: 1 });
      await eventually(() => messages.length === 3, 'exporting', 5_000);
      const exportingWire = await wireOf(jobId);
      await t.jobs.update(jobId, { attempt, status: 'completed', message: 'Manual published successfully and pushed to GitHub' });
      await finalPing;
      const completedWire = await wireOf(jobId);

      expect(messages.map((m) => m.data)).toEqual([queuedWire, startedWire, exportingWire, completedWire, completedWire]);
      expect(messages.map((m) => statusOf({ data: m.data }))).toEqual(['queued', 'started', 'exporting', 'completed', 'completed']);
      const ids = messages.map((m) => m.lastEventId);
      expect(new Set(ids.slice(0, 4)).size).toBe(4);
      expect(ids[4]).toBe(ids[3]); // the duplicate final event carries the terminal event's id
      expect(named.map((e) => e.type)).toEqual(['done', 'ping']);
      expect(named[0]).toEqual({ type: 'done', data: completedWire, id: ids[3] });
      expect(named[1].data).toMatch(/^final - \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    } finally {
      es.close();
    }
    // B13: only what is sent carries the path; the record keeps its title. The path is looked up once per connection.
    expect((await t.jobs.get(jobId))!.title).toBe('install');
    expect(t.paths.lookups.slice(lookupsBefore)).toEqual([`zcp/${PAGE_ID}`]);
  });

  it('looks the title path up once per connection, and keeps the title when the page is not in the manuals cache', async () => {
    const unknownPage = '2bbb7135d33b80a79efff5ae2eaced99';
    const jobId = await newJob('ann', unknownPage);
    const before = t.paths.lookups.length;
    const stream = await openSseStream(watchUrl(jobId), as('ann'));
    try {
      await stream.waitFor(1);
      const { attempt } = await t.jobs.start(jobId);
      await t.jobs.update(jobId, { attempt, status: 'exporting', total_progress: 10 });
      const frames = await stream.waitFor(3);
      expect(frames.map((f) => (JSON.parse(f.data!) as PublishStatus).title)).toEqual(['install', 'install', 'install']);
      expect(frames[2].data).toBe(await wireOf(jobId, 'install'));
      expect(t.paths.lookups.slice(before)).toEqual([`zcp/${unknownPage}`]);
    } finally {
      stream.close();
    }
  });

  it('sends a failed job the info line, the final status again, done and the final ping, then ends the response', async () => {
    const jobId = await newJob();
    const { attempt } = await t.jobs.start(jobId);
    await t.jobs.update(jobId, { attempt, status: 'failed', message: 'Export from Notion failed', failure_reason: 'export_failed' });
    const result = await openSse(watchUrl(jobId), { ...as('ann'), Origin: 'https://frontend.example' });
    expect(result.status).toBe(200);
    expect(result.headers['access-control-allow-origin']).toBe('https://frontend.example');
    expect(result.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(result.headers['cache-control']).toBe('no-cache, no-transform');
    expect(result.headers['x-accel-buffering']).toBe('no');
    const { stream } = result as Extract<typeof result, { stream: unknown }>;
    await stream.ended;
    const failedWire = await wireOf(jobId);
    const id = stream.frames[0].id;
    expect(id).toMatch(/^\d+-\d+$/);
    expect(stream.frames.slice(0, 4)).toEqual([
      { id, data: failedWire },
      { event: 'info', data: 'Job failed: Export from Notion failed' },
      { id, data: failedWire },
      { id, event: 'done', data: failedWire },
    ]);
    expect(stream.frames).toHaveLength(5);
    expect(stream.frames[4].event).toBe('ping');
    expect(stream.frames[4].data).toMatch(/^final - /);
    await eventually(() => openWatches() === 0, 'the slot to be released', 5_000);
  });

  it('resumes a dropped connection from Last-Event-ID (header or ?last_event_id=) missing nothing and repeating nothing', async () => {
    const jobId = await newJob();
    const first = await openSseStream(watchUrl(jobId), as('ann'));
    await first.waitFor(1);
    const { attempt } = await t.jobs.start(jobId);
    const seen = await first.waitFor(2);
    expect(seen.map(statusOf)).toEqual(['queued', 'started']);
    first.close();
    await eventually(() => openWatches() === 0, 'the server to notice the disconnect', 5_000);

    // While the client is away.
    await t.jobs.update(jobId, { attempt, status: 'checking_repo', message: 'Checking repository status' });
    await t.jobs.update(jobId, { attempt, status: 'cloning', message: 'Cloning repository' });

    const second = await openSseStream(watchUrl(jobId), { ...as('ann'), 'Last-Event-ID': seen[1].id! });
    const missed = await second.waitFor(2);
    expect(missed.map(statusOf)).toEqual(['checking_repo', 'cloning']);
    expect(missed.every((frame) => frame.id !== seen[0].id && frame.id !== seen[1].id)).toBe(true);
    await t.jobs.update(jobId, { attempt, status: 'exporting', total_progress: 10 });
    await second.waitFor(3);
    second.close();

    await t.jobs.update(jobId, { attempt, status: 'completed', message: 'done' });
    const lastSeen = second.frames[2].id!;
    const third = await openSseStream(watchUrl(jobId, `?last_event_id=${encodeURIComponent(lastSeen)}`), as('ann'));
    await third.ended;
    expect(third.frames.map((f) => f.event ?? statusOf(f))).toEqual(['completed', 'completed', 'done', 'ping']);
    expect(new Set([...seen, ...missed, third.frames[0]].map((f) => f.id)).size).toBe(5);
  });

  it('answers 404 as plain JSON for an unknown job, before any SSE byte', async () => {
    const result = await openSse(watchUrl(randomUUID()), as('ann'));
    expect(result.status).toBe(404);
    expect(result.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse((result as { body: string }).body)).toEqual(problem('Job not found'));
  });

  it("answers 403 to another user's watch, and lets an admin watch any job", async () => {
    const jobId = await newJob('ann');
    const refused = await openSse(watchUrl(jobId), as('bob'));
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse((refused as { body: string }).body)).toEqual(problem('Not authorized to watch this job'));

    const admin = await openSseStream(watchUrl(jobId), as('carol', 'admin'));
    try {
      const [frame] = await admin.waitFor(1);
      expect(frame.data).toBe(await wireOf(jobId));
    } finally {
      admin.close();
    }
  });
});
