import { signWebhookBody } from '@zmp-manual/notion-emulator';
import { NOTION_REFRESH_JOB } from '@zmp-manual/queue-contract';
import type Bull from 'bull';
import { randomUUID } from 'node:crypto';
import { errorBody } from './harness/api-client';
import { ApiWorld } from './harness/api-world';
import { APP_ROOT, DEBOUNCE_MS } from './harness/env';
import { IDLE_CHURN, snapshot } from './harness/redis-inspect';
import { SECRETS } from './harness/secrets';
import { MANUALS_ITEM_KEYS, NOTIFICATION_KEYS, UTC_ISO } from './harness/shapes';
import { readUntil } from './harness/sse';
import type { RawSse } from './harness/sse';
import { IDS, renamePage } from './harness/workspace';

type Json = Record<string, unknown>;

const PAGE = IDS.page(1, 1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A Notion event body as Notion sends it (the fields the API reads), for requests the emulator does not make. */
function eventBody(overrides: Json = {}): string {
  return JSON.stringify({
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    workspace_id: IDS.root,
    type: 'page.content_updated',
    authors: [{ id: IDS.users.ann, type: 'person' }],
    entity: { id: PAGE, type: 'page' },
    data: { parent: { id: IDS.section(1), type: 'page' } },
    ...overrides,
  });
}

/**
 * Notion webhooks end to end: a refused delivery changes nothing in Redis or the queue; an accepted one is
 * debounced through a delayed maintenance job, which the worker runs: the manuals cache (and so `GET
 * /manuals` on the API) follows the edit, and everyone gets the "Document Updated" notifications.
 */
describe('Notion webhooks: signature first, then a debounced refresh by the worker', () => {
  const world = new ApiWorld({ name: 'webhooks' });
  const hook = () => world.url('/webhook/notion/zcp');
  const refreshJobs = async (): Promise<Bull.Job[]> =>
    (await world.maintenanceQueue.getJobs(['delayed', 'waiting', 'paused', 'active'])).filter((job) => job?.name === NOTION_REFRESH_JOB);

  beforeAll(async () => {
    // The manuals as the API has them before the edit (crawled once, then cached).
    const before = await world.api.get(`${APP_ROOT}/manuals`, { token: world.token('vera') });
    if (before.status !== 200) throw new Error(`GET /manuals: ${before.status} ${before.text}`);
    // Held until the test looks at it: with the queue paused the delayed refresh cannot run.
    await world.maintenanceQueue.pause();
  });

  it('serves the cached manuals after an edit in Notion until a webhook says so', async () => {
    renamePage(world.emulators.notion.workspace, PAGE, 'Topic One Renamed', new Date());
    const calls = world.emulators.notion.stats().total;
    const response = await world.api.get(`${APP_ROOT}/manuals`, { token: world.token('vera') });
    const item = (response.body.items as Json[]).find((entry) => entry.object_id === PAGE)!;
    expect(item.title).toBe('topic-1-1');
    expect(world.emulators.notion.stats().total).toBe(calls);
  });

  /** The id of an event refused below: refusing it must not mark it as seen. */
  const refusedId = randomUUID();
  /** Redis as it was around the refused deliveries. */
  let keysBefore: Record<string, string>;

  it('a bad signature, none at all, or a signature of other bytes: 401 "Invalid signature", and nothing in Redis or the queue changes', async () => {
    keysBefore = await snapshot(world.redis, world.keyPrefix, IDLE_CHURN);
    const countsBefore = await world.maintenanceQueue.getJobCounts();

    const badlySigned = await world.emulators.notion.sendWebhook({ url: hook(), verificationToken: SECRETS.webhookSecret, entityId: PAGE, eventId: refusedId, signWith: 'not-the-verification-token' });
    expect(badlySigned.status).toBe(401);
    expect(JSON.parse(badlySigned.body)).toEqual(errorBody('Invalid signature'));

    const unsigned = await world.api.post(`${APP_ROOT}/webhook/notion/zcp`, { raw: eventBody({ id: refusedId }), headers: { 'Content-Type': 'application/json' } });
    expect([unsigned.status, unsigned.body]).toEqual([401, errorBody('Invalid signature')]);

    const signed = eventBody({ id: refusedId });
    const altered = signed.replace('page.content_updated', 'page.deleted');
    const swapped = await world.api.post(`${APP_ROOT}/webhook/notion/zcp`, {
      raw: altered,
      headers: { 'Content-Type': 'application/json', 'X-Notion-Signature': signWebhookBody(signed, SECRETS.webhookSecret) },
    });
    expect([swapped.status, swapped.body]).toEqual([401, errorBody('Invalid signature')]);

    await sleep(DEBOUNCE_MS + 100);
    expect(await world.maintenanceQueue.getJobCounts()).toEqual(countsBefore);
    expect(await snapshot(world.redis, world.keyPrefix, IDLE_CHURN)).toEqual(keysBefore);
    expect(await refreshJobs()).toEqual([]);
  });

  it('an unknown solution: 404 naming the configured ones', async () => {
    const body = eventBody();
    const response = await world.api.post(`${APP_ROOT}/webhook/notion/apim`, { raw: body, headers: { 'Content-Type': 'application/json', 'X-Notion-Signature': signWebhookBody(body, SECRETS.webhookSecret) } });
    expect([response.status, response.body]).toEqual([404, errorBody('Unknown solution: apim; configured: zcp')]);
  });

  it('an event older than the accepted window is ignored (200), and schedules nothing', async () => {
    const stale = eventBody({ timestamp: new Date(Date.now() - 2 * 3_600_000).toISOString() });
    const response = await world.api.post(`${APP_ROOT}/webhook/notion/zcp`, { raw: stale, headers: { 'Content-Type': 'application/json', 'X-Notion-Signature': signWebhookBody(stale, SECRETS.webhookSecret) } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ignored', event_id: JSON.parse(stale).id as string });
    expect(await refreshJobs()).toEqual([]);
  });

  describe('a correctly signed event', () => {
    let eventId: string;
    let stream: Promise<RawSse>;

    it('is accepted (even with the id of an event refused before): 200 with the original\'s message, and one delayed notion-refresh job with the payload', async () => {
      const delivery = await world.emulators.notion.sendWebhook({ url: hook(), verificationToken: SECRETS.webhookSecret, entityId: PAGE, type: 'page.properties_updated', eventId: refusedId });
      expect(delivery.status).toBe(200);
      eventId = delivery.event_id!;
      expect(eventId).toBe(refusedId);
      const body = JSON.parse(delivery.body) as Json;
      expect(body).toEqual({ status: 'accepted', message: `Cache update scheduled for page ${PAGE} in solution: zcp`, event_id: eventId, timestamp: expect.any(String) });
      const jobs = await refreshJobs();
      expect(jobs).toHaveLength(1);
      expect(jobs[0].opts.delay).toBe(DEBOUNCE_MS);
      expect(jobs[0].data).toEqual({ version: 1, solution: 'zcp', page_id: PAGE, event_type: 'page.properties_updated', event_id: eventId, received_at: expect.stringMatching(UTC_ISO) });
      // The same snapshot that stayed equal for the refused deliveries sees this one's writes.
      expect(await snapshot(world.redis, world.keyPrefix, IDLE_CHURN)).not.toEqual(keysBefore);
    });

    it('the same event delivered again: "Event already processed", nothing more scheduled', async () => {
      const again = await world.emulators.notion.sendWebhook({ url: hook(), verificationToken: SECRETS.webhookSecret, entityId: PAGE, type: 'page.properties_updated', eventId });
      expect(again.status).toBe(200);
      expect(JSON.parse(again.body)).toMatchObject({ status: 'accepted', message: 'Event already processed', event_id: eventId });
      expect(await refreshJobs()).toHaveLength(1);
    });

    it('a second event for the same page within the window replaces the pending refresh (debounce)', async () => {
      const first = (await refreshJobs())[0].id;
      const second = await world.emulators.notion.sendWebhook({ url: hook(), verificationToken: SECRETS.webhookSecret, entityId: PAGE, type: 'page.content_updated' });
      expect(second.status).toBe(200);
      const jobs = await refreshJobs();
      expect(jobs).toHaveLength(1);
      expect(jobs[0].id).not.toBe(first);
      expect(jobs[0].data).toMatchObject({ event_id: second.event_id, event_type: 'page.content_updated' });
    });

    it('once the worker has run it after the debounce: GET /manuals on the API shows the edit', async () => {
      const { ticket } = (await world.api.post(`${APP_ROOT}/auth/sse-ticket`, { token: world.token('vera') })).body as { ticket: string };
      const isUpdate = (data: string | undefined) => data !== undefined && data.includes('"ZCP Document Updated"');
      stream = readUntil(world.url(`/notifications/stream?ticket=${encodeURIComponent(ticket)}`), {}, (frames) => frames.some((frame) => isUpdate(frame.data)), 30_000);
      await sleep(300); // the stream is open before the refresh runs
      await world.maintenanceQueue.resume();

      const deadline = Date.now() + 30_000;
      let title: unknown;
      while (Date.now() < deadline) {
        const response = await world.api.get(`${APP_ROOT}/manuals`, { token: world.token('vera') });
        title = (response.body.items as Json[]).find((entry) => entry.object_id === PAGE)?.title;
        if (title === 'topic-one-renamed') break;
        await sleep(100);
      }
      expect(title).toBe('topic-one-renamed');
      expect(await refreshJobs()).toEqual([]);
      expect(world.worker.output.some((line) => /refreshed zcp: 7 pages/.test(line))).toBe(true);
    });

    it('everyone gets "ZCP Manuals Updated" and "ZCP Document Updated" (system-wide), in the original\'s shape', async () => {
      for (const user of ['vera', 'ann'] as const) {
        const response = await world.api.get(`${APP_ROOT}/notifications`, { token: world.token(user) });
        const items = response.body as Json[];
        expect([user, items.map((n) => n.title)]).toEqual([user, ['ZCP Document Updated', 'ZCP Manuals Updated']]);
        const [document, manuals] = items;
        for (const item of items) expect(Object.keys(item)).toEqual(NOTIFICATION_KEYS);
        expect(document).toMatchObject({
          status: 'info',
          message: 'zcp/section-1/topic-one-renamed page is updated',
          solution: 'zcp',
          user_id: null,
          job_id: null,
          notification_type: 'document_update',
          is_read: false,
          node: { notion_page_id: PAGE, parent_id: IDS.section(1), last_edited_by: expect.any(String), last_edited_time: expect.stringMatching(/\+00:00$/) },
        });
        expect(manuals).toMatchObject({ status: 'info', user_id: null, notification_type: 'document_update' });
        expect(Object.keys(manuals.node as Json)).toEqual(MANUALS_ITEM_KEYS);
        expect(manuals.node).toMatchObject({ object_id: PAGE, title: 'topic-one-renamed', parent_id: IDS.section(1) });
      }
    });

    it('the notifications stream delivered the update live', async () => {
      const received = await stream;
      world.api.record(received.text);
      expect(received.status).toBe(200);
      const update = received.frames.find((frame) => frame.data?.includes('"ZCP Document Updated"'))!;
      expect(update.id).toEqual(expect.any(String));
      expect(JSON.parse(update.data!)).toMatchObject({ title: 'ZCP Document Updated', user_id: null, message: 'zcp/section-1/topic-one-renamed page is updated' });
    });
  });

  describe('the subscription handshake', () => {
    it('is acknowledged with the token echoed, stored for admins only, and schedules nothing', async () => {
      const delivery = await world.emulators.notion.sendWebhook({ url: hook(), verificationToken: 'handshake-token-123', verification: true });
      expect(delivery.status).toBe(200);
      expect(JSON.parse(delivery.body)).toEqual({ verification_token: 'handshake-token-123' });
      const admin = await world.api.get(`${APP_ROOT}/webhook/notion/zcp/verification`, { token: world.token('root') });
      expect(admin.status).toBe(200);
      expect(admin.body).toEqual({ solution: 'zcp', verification_token: 'handshake-token-123', received_at: expect.any(String) });
      const publisher = await world.api.get(`${APP_ROOT}/webhook/notion/zcp/verification`, { token: world.token('ann') });
      expect(publisher.status).toBe(403);
      expect(await refreshJobs()).toEqual([]);
    });
  });

  it('stops on SIGTERM within seconds while a notifications stream is open, ending the stream', async () => {
    const { ticket } = (await world.api.post(`${APP_ROOT}/auth/sse-ticket`, { token: world.token('vera') })).body as { ticket: string };
    let opened = false;
    const stream = readUntil(world.url(`/notifications/stream?ticket=${encodeURIComponent(ticket)}`), {}, () => {
      opened = true;
      return false;
    }, 20_000).catch((error: Error) => error);
    const deadline = Date.now() + 5_000;
    while (!opened && Date.now() < deadline) await sleep(25);
    expect(opened).toBe(true);
    const started = Date.now();
    const exit = await world.apiProcess.stop(10_000);
    expect(exit.signal).not.toBe('SIGKILL');
    expect(Date.now() - started).toBeLessThan(8_000);
    const ended = await stream;
    expect(ended).not.toBeInstanceOf(Error);
  });

  it('keeps every secret out of the API\'s output and answers', () => {
    expect(world.leakedSecrets()).toEqual({ apiOutput: [], workerOutput: [], bodies: [] });
  });
});
