import type { JobRecord } from '@zmp-manual/job-events';
import { unzipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { errorBody } from './harness/api-client';
import { ApiWorld } from './harness/api-world';
import { readDownloadToken, signDownloadToken, tamper } from './harness/download-link';
import { APP_ROOT, CLOSE_DELAY_MS } from './harness/env';
import { jobStatusHistory } from './harness/redis-inspect';
import { cloneBack } from './harness/remote';
import type { ClonedTree } from './harness/remote';
import { SECRETS } from './harness/secrets';
import { PUBLISH_STATUS_KEYS } from './harness/shapes';
import { EventSourceWatcher, readToEnd } from './harness/sse';
import type { RawSse, WatchedEvent } from './harness/sse';
import { startTcpProxy } from './harness/tcp-proxy';
import type { TcpProxy } from './harness/tcp-proxy';
import { IDS } from './harness/workspace';

type Status = Record<string, unknown> & { status: string; total_progress: number; export_progress: number; translation_progress: number };

const HAPPY_PATH = ['queued', 'started', 'checking_repo', 'cloning', 'exporting', 'export_commit', 'translating', 'translation_commit', 'pushing', 'completed'];

/** Consecutive repeats collapsed: the states a job went through. */
const statesOf = (statuses: Status[]) => statuses.map((s) => s.status).filter((state, i, all) => i === 0 || all[i - 1] !== state);
/** What two clients must agree on: the events' kinds, ids and payloads (not which connection brought them). */
const wire = (events: WatchedEvent[]) => events.map(({ type, id, data }) => ({ type, id, data }));
/** A stream id's time (ms): when the event was written. */
const writtenAt = (id: string) => Number(id.split('-')[0]);

/**
 * One publish of the whole manual, watched from `queued` to `completed` by three clients at once: an
 * EventSource with a Bearer header, one whose connection is cut mid-publish (it resumes by itself with
 * Last-Event-ID), and a plain HTTP reader with a single-use ticket that reads until the server closes.
 * Then the commit on the remote and the artifact download.
 */
describe('a publish watched over SSE, resumed after a drop, and its artifact downloaded', () => {
  const world = new ApiWorld({ name: 'watch' });
  let proxy: TcpProxy;
  let jobId: string;
  let record: JobRecord;
  let steady: EventSourceWatcher;
  let dropped: EventSourceWatcher;
  let ticketed: RawSse;
  let tree: ClonedTree;
  let dropsDone = 0;

  beforeAll(async () => {
    proxy = await startTcpProxy({ host: '127.0.0.1', port: world.port });
    // Held in the queue until every watcher is connected, so each sees the job from `queued`.
    await world.publishQueue.pause();
    const ann = world.token('ann');
    const published = await world.api.post(`${APP_ROOT}/publish`, { token: ann, body: { notion_page_id: IDS.root, selected_solution: 'zcp', target_languages: ['ko', 'ja'], title: 'zcp', is_directory: true } });
    if (published.status !== 200) throw new Error(`publish: ${published.status} ${published.text}`);
    jobId = published.body.job_id as string;

    steady = new EventSourceWatcher(world.url(`/watch/${jobId}`), { token: ann });
    dropped = new EventSourceWatcher(`${proxy.url}${APP_ROOT}/watch/${jobId}`, {
      token: ann,
      onEvent: (event) => {
        // Cut the connection once the job has started: the steps that follow happen while the client is away.
        if (dropsDone === 0 && event.type === 'message' && (JSON.parse(event.data) as Status).status === 'started') {
          dropsDone = proxy.dropAll();
        }
      },
    });
    const { ticket } = (await world.api.post(`${APP_ROOT}/auth/sse-ticket`, { token: ann })).body as { ticket: string };
    const ticketStream = readToEnd(world.url(`/watch/${jobId}?ticket=${encodeURIComponent(ticket)}`), {}, 90_000);

    const deadline = Date.now() + 10_000;
    while (steady.events.length === 0 || dropped.events.length === 0) {
      if (Date.now() > deadline) throw new Error(`watchers did not connect: ${steady.events.length} / ${dropped.events.length}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await world.publishQueue.resume();
    await Promise.all([steady.done, dropped.done]);
    ticketed = await ticketStream;
    record = await world.waitForEnd(jobId);
    for (const watcher of [steady, dropped]) world.api.record(watcher.events.map((event) => event.data).join('\n'));
    world.api.record(ticketed.text);
    tree = await cloneBack(world.emulators.git, world.remote.name);
  }, 120_000);

  afterAll(async () => {
    steady?.close();
    dropped?.close();
    await proxy?.stop();
  });

  describe('the live watch (EventSource with a Bearer header)', () => {
    it('went from queued to completed, the original\'s steps in order, every status with its 14 keys', () => {
      const statuses = steady.statuses<Status>();
      expect(statuses[0]).toMatchObject({ job_id: jobId, status: 'queued', total_progress: 0, initiated_by: 'ann', title: 'zcp' });
      expect(statesOf(statuses)).toEqual(HAPPY_PATH);
      for (const status of statuses) expect(Object.keys(status)).toEqual(PUBLISH_STATUS_KEYS);
      expect(record.status).toBe('completed');
    });

    it('never showed progress going backwards', () => {
      const statuses = steady.statuses<Status>();
      for (const field of ['total_progress', 'export_progress', 'translation_progress'] as const) {
        const values = statuses.map((status) => status[field]);
        values.forEach((value, i) => {
          if (i > 0) expect([field, i, value >= values[i - 1]]).toEqual([field, i, true]);
        });
      }
      expect(statuses.some((status) => status.total_progress > 0 && status.total_progress < 100)).toBe(true);
    });

    it('ended with the completed status at 100 (sent twice, as the original), then event: done carrying it', () => {
      const tail = steady.events.slice(-3);
      expect(tail.map((event) => event.type)).toEqual(['message', 'message', 'done']);
      const final = JSON.parse(tail[0].data) as Status;
      expect(final).toMatchObject({ status: 'completed', total_progress: 100, export_progress: 100, translation_progress: 100, message: 'Manual published successfully and pushed to GitHub' });
      expect(tail[1].data).toBe(tail[0].data);
      expect(JSON.parse(tail[2].data)).toEqual(final);
      expect(steady.events.filter((event) => event.type === 'info')).toEqual([]);
    });

    it('carried a durable id on every status: the job stream\'s own ids, in order, none skipped', async () => {
      const history = await jobStatusHistory(world.redis, world.keyPrefix, jobId);
      const messages = steady.events.filter((event) => event.type === 'message');
      const ids = messages.map((event) => event.id).filter((id, i, all) => i === 0 || all[i - 1] !== id);
      expect(ids).toEqual(history.map((entry) => entry.id));
      const sent = messages.filter((event, i) => i === 0 || messages[i - 1].id !== event.id).map((event) => JSON.parse(event.data) as Status);
      expect(sent).toEqual(history.map((entry) => entry.status));
    });
  });

  describe('the dropped connection (cut by a proxy mid-publish, resumed by the client with Last-Event-ID)', () => {
    it('was cut once and reconnected once, sending the id of the last event it had', () => {
      expect(dropsDone).toBe(1);
      expect(dropped.opens).toBe(2);
      expect(dropped.requests).toHaveLength(2);
      const lastBeforeDrop = dropped.events.filter((event) => event.connection === 1).at(-1)!;
      expect(dropped.requests[0].lastEventId).toBeUndefined();
      expect(dropped.requests[1].lastEventId).toBe(lastBeforeDrop.id);
    });

    it('got, after reconnecting, the events written while it was away', () => {
      const reconnectedAt = dropped.requests[1].at;
      const resumed = dropped.events.filter((event) => event.connection === 2 && event.type === 'message');
      expect(resumed.length).toBeGreaterThan(0);
      expect(resumed.filter((event) => writtenAt(event.id) < reconnectedAt).length).toBeGreaterThan(0);
    });

    it('missed nothing and repeated nothing: exactly the uninterrupted client\'s events', () => {
      expect(wire(dropped.events)).toEqual(wire(steady.events));
    });
  });

  describe('the ticket watch (plain HTTP, no header, read to the end)', () => {
    it('sent the same statuses, each data event with an id, and the server closed the stream after the grace period', () => {
      expect(ticketed.status).toBe(200);
      expect(ticketed.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(ticketed.headers['x-accel-buffering']).toBe('no');
      const data = ticketed.frames.filter((frame) => frame.event === undefined && frame.data !== undefined);
      expect(data.map((frame) => frame.data)).toEqual(steady.events.filter((event) => event.type === 'message').map((event) => event.data));
      expect(data.every((frame) => frame.id !== undefined && frame.id !== '')).toBe(true);
      const named = ticketed.frames.filter((frame) => frame.event !== undefined).map((frame) => frame.event);
      expect(named.filter((event) => event !== 'ping')).toEqual(['done']);
      const last = ticketed.frames.at(-1)!;
      expect([last.event, last.data]).toEqual(['ping', expect.stringMatching(/^final - /)]);
      const done = ticketed.frames.findIndex((frame) => frame.event === 'done');
      expect(ticketed.frames.slice(done + 1).every((frame) => frame.event === 'ping' || frame.data === undefined)).toBe(true);
    });

    it('kept the connection alive: comment heartbeats and the original\'s event: ping with its text', () => {
      expect(ticketed.frames.some((frame) => frame.comments.some((comment) => /^ping - /.test(comment)))).toBe(true);
      const pings = ticketed.frames.filter((frame) => frame.event === 'ping' && /^ping - /.test(frame.data ?? ''));
      expect(pings.length).toBeGreaterThan(0);
      expect(steady.pings).toBeGreaterThan(0);
    });

    it('resumes from ?last_event_id= too: exactly the events after it, then the closing sequence', async () => {
      const history = await jobStatusHistory(world.redis, world.keyPrefix, jobId);
      const from = history[3];
      const { ticket } = (await world.api.post(`${APP_ROOT}/auth/sse-ticket`, { token: world.token('ann') })).body as { ticket: string };
      const resumed = await readToEnd(world.url(`/watch/${jobId}?ticket=${encodeURIComponent(ticket)}&last_event_id=${encodeURIComponent(from.id)}`), {}, 15_000);
      world.api.record(resumed.text);
      const data = resumed.frames.filter((frame) => frame.event === undefined && frame.data !== undefined);
      const after = history.slice(4);
      expect(data.map((frame) => frame.id)).toEqual([...after.map((entry) => entry.id), after.at(-1)!.id]);
      expect(data.map((frame) => JSON.parse(frame.data!) as unknown)).toEqual([...after.map((entry) => entry.status), after.at(-1)!.status]);
      expect(resumed.frames.filter((frame) => frame.event === 'done')).toHaveLength(1);
    });

    it('a client that already saw the terminal event gets only the closing sequence', async () => {
      const history = await jobStatusHistory(world.redis, world.keyPrefix, jobId);
      const terminal = history.at(-1)!;
      const resumed = await readToEnd(world.url(`/watch/${jobId}`), { Authorization: `Bearer ${world.token('ann')}`, 'Last-Event-ID': terminal.id }, 15_000);
      const data = resumed.frames.filter((frame) => frame.event === undefined && frame.data !== undefined);
      expect(data.map((frame) => frame.id)).toEqual([terminal.id]);
      expect(resumed.frames.filter((frame) => frame.event === 'done').map((frame) => frame.id)).toEqual([terminal.id]);
      expect(resumed.elapsedMs).toBeGreaterThanOrEqual(CLOSE_DELAY_MS - 50);
    });
  });

  describe('the remote', () => {
    it('has the export and translation commits the job names, with every page in docs/ and i18n/ko, i18n/ja', async () => {
      expect(record.commits).toEqual({ export: expect.stringMatching(/^[0-9a-f]{40}$/), translation: expect.stringMatching(/^[0-9a-f]{40}$/) });
      expect(tree.head).toBe(record.commits.translation);
      const log = await world.emulators.git.log(world.remote.name, 'main');
      expect(log.map((commit) => commit.sha).slice(0, 3)).toEqual([record.commits.translation, record.commits.export, world.remote.initial]);
      const docs = tree.files.filter((file) => file.startsWith('docs/zcp/') && file.endsWith('.mdx'));
      expect(docs).toHaveLength(7);
      expect(docs).toEqual(expect.arrayContaining(['docs/zcp/index.mdx', 'docs/zcp/section-1/topic-1-1.mdx', 'docs/zcp/section-2/topic-2-2.mdx']));
      for (const language of ['ko', 'ja']) {
        const translated = tree.files.filter((file) => file.startsWith(`i18n/${language}/`) && file.endsWith('.mdx'));
        expect([language, translated.length]).toEqual([language, 7]);
      }
    });
  });

  describe('the artifact', () => {
    let location: string;
    let token: string;

    beforeAll(async () => {
      const response = await world.api.get(`${APP_ROOT}/jobs/${jobId}/artifact`, { token: world.token('ann') });
      if (response.status !== 302) throw new Error(`artifact: ${response.status} ${response.text}`);
      location = response.headers.location;
      token = decodeURIComponent(location.split('/downloads/')[1] ?? '');
    });

    const download = (path: string) => fetch(new URL(path, world.baseUrl), { redirect: 'manual' });

    it('GET /jobs/{id}/artifact: 302 to a signed, expiring link for this user under /downloads/', async () => {
      expect(new URL(location, world.baseUrl).pathname).toMatch(new RegExp(`^${APP_ROOT}/downloads/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`));
      const claims = readDownloadToken(token);
      expect(claims).toMatchObject({ j: jobId, u: 'ann', a: false });
      expect(claims.e).toBeGreaterThan(Date.now() / 1000 + 250);
      expect(claims.e).toBeLessThanOrEqual(Date.now() / 1000 + 301);
      const again = await world.api.get(`${APP_ROOT}/jobs/${jobId}/artifact`, { token: world.token('ann') });
      expect(again.body).toEqual({ download_url: expect.stringContaining(`${APP_ROOT}/downloads/`), expires_at: expect.any(String) });
    });

    it('the link serves the zip: its sha-256 and size are the record\'s, and it holds the tree the remote has', async () => {
      const response = await download(location);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/zip/);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="zcp-${jobId}.zip"`);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      const bytes = Buffer.from(await response.arrayBuffer());
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      expect(sha256).toBe(record.artifact!.sha256);
      expect(response.headers.get('x-content-sha256')).toBe(sha256);
      expect(bytes.byteLength).toBe(record.artifact!.size_bytes);
      const entries = unzipSync(new Uint8Array(bytes));
      expect(Object.keys(entries).sort()).toEqual(tree.files.filter((file) => file !== 'README.md'));
      expect(Buffer.from(entries['docs/zcp/section-1/topic-1-1.mdx']).toString('utf8')).toBe(tree.read('docs/zcp/section-1/topic-1-1.mdx'));
    });

    it('a tampered link: 403; a link signed with another key: 403', async () => {
      const tampered = await download(`${APP_ROOT}/downloads/${tamper(token)}`);
      expect(tampered.status).toBe(403);
      expect(await tampered.json()).toEqual(errorBody('Download link is invalid'));
      const forged = signDownloadToken('another-secret-of-at-least-32-characters', readDownloadToken(token));
      const other = await download(`${APP_ROOT}/downloads/${forged}`);
      expect(other.status).toBe(403);
      expect(((await other.json()) as { detail: string }).detail).toBe('Download link is invalid');
    });

    it('an expired link (signed with DOWNLOAD_SIGNING_SECRET, expiry in the past): 410', async () => {
      const expired = signDownloadToken(SECRETS.downloadSecret, { j: jobId, u: 'ann', a: false, e: Math.floor(Date.now() / 1000) - 60 });
      const response = await download(`${APP_ROOT}/downloads/${expired}`);
      expect(response.status).toBe(410);
      expect(await response.json()).toEqual(errorBody('Download link expired; ask GET /jobs/{id}/artifact for a new one'));
    });

    it('a valid link made out to a user who may not see the job: 403; to a job that is gone: 404', async () => {
      const future = Math.floor(Date.now() / 1000) + 120;
      const bobs = await download(`${APP_ROOT}/downloads/${signDownloadToken(SECRETS.downloadSecret, { j: jobId, u: 'bob', a: false, e: future })}`);
      expect(bobs.status).toBe(403);
      const gone = await download(`${APP_ROOT}/downloads/${signDownloadToken(SECRETS.downloadSecret, { j: '00000000-0000-4000-8000-000000000000', u: 'ann', a: false, e: future })}`);
      expect(gone.status).toBe(404);
    });

    it('Bob cannot get a link to Ann\'s artifact (403); an admin can; a ticket works instead of a header', async () => {
      const bob = await world.api.get(`${APP_ROOT}/jobs/${jobId}/artifact`, { token: world.token('bob') });
      expect(bob.status).toBe(403);
      const admin = await world.api.get(`${APP_ROOT}/jobs/${jobId}/artifact`, { token: world.token('root') });
      expect(admin.status).toBe(302);
      expect(readDownloadToken(decodeURIComponent(admin.headers.location.split('/downloads/')[1]))).toMatchObject({ j: jobId, u: 'root', a: true });
      const { ticket } = (await world.api.post(`${APP_ROOT}/auth/sse-ticket`, { token: world.token('ann') })).body as { ticket: string };
      const byTicket = await world.api.get(`${APP_ROOT}/jobs/${jobId}/artifact`, { query: { ticket } });
      expect(byTicket.status).toBe(302);
    });
  });

  it('keeps every secret out of the API\'s output, its answers and the streams', () => {
    expect(world.leakedSecrets()).toEqual({ apiOutput: [], workerOutput: [], bodies: [] });
  });
});
