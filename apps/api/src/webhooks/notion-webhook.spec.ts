import { getQueueToken } from '@nestjs/bull';
import type { NotionEmulator } from '@zmp-manual/notion-emulator';
import { builder as b, signWebhookBody, startNotionEmulator } from '@zmp-manual/notion-emulator';
import { MAINTENANCE_QUEUE, NOTION_REFRESH_JOB } from '@zmp-manual/queue-contract';
import type { Queue } from 'bull';
import { randomUUID } from 'node:crypto';
import { as, problem, startApiTestApp, testConfig } from '../testing/api-test-app';
import type { ApiTestApp } from '../testing/api-test-app';
import { keysUnder } from '../testing/redis-keys';
import { WebhooksModule } from './webhooks.module';

const id = b.idFactory('api-webhooks');
const IDS = { root: id('root'), install: id('install'), reference: id('reference'), user: id('user'), apimRoot: id('apim') };
const SECRET = 'secret_zcp_subscription_verification_token';
const DEBOUNCE_MS = 60_000;

function workspace() {
  const root = b.page({ title: 'ZCP', id: IDS.root }, b.page({ title: 'Install', id: IDS.install }, b.paragraph('npm i')), b.page({ title: 'Reference', id: IDS.reference }));
  return b.buildWorkspace({ name: 'api-webhooks', root, users: [b.person(IDS.user, 'Jane Doe', 'jane@example.com')] });
}

let emulator: NotionEmulator;
let api: ApiTestApp;
let queue: Queue;

beforeAll(async () => {
  emulator = await startNotionEmulator({ workspace: workspace(), rateLimit: false });
  api = await startApiTestApp(testConfig('api-webhooks', {
      SOLUTIONS: 'zcp,apim',
      ZCP_ROOT_PAGE_ID: IDS.root,
      APIM_ROOT_PAGE_ID: IDS.apimRoot,
      NOTION_WEBHOOK_ZCP_SECRET: SECRET,
      NOTION_REFRESH_DEBOUNCE_MS: String(DEBOUNCE_MS),
    }), { imports: [WebhooksModule] });
  queue = api.app.get<Queue>(getQueueToken(MAINTENANCE_QUEUE));
});

afterAll(async () => {
  await queue?.obliterate({ force: true });
  await api?.close();
  await emulator?.stop();
});

const url = (solution: string) => `${api.base}/webhook/notion/${solution}`;

/** A Notion-shaped event; `overrides` replace top-level fields. */
const event = (overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  timestamp: new Date().toISOString(),
  workspace_id: randomUUID(),
  workspace_name: 'api-webhooks',
  subscription_id: randomUUID(),
  integration_id: randomUUID(),
  type: 'page.content_updated',
  authors: [{ id: IDS.user, type: 'person' }],
  attempt_number: 1,
  api_version: '2025-09-03',
  entity: { id: IDS.install, type: 'page' },
  data: { parent: { id: IDS.root, type: 'page' }, updated_blocks: [] },
  ...overrides,
});

/** POSTs `body` (a string is sent as is) signed with `key` (null: no signature header). */
async function deliver(solution: string, body: unknown, key: string | null = SECRET) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key !== null) headers['x-notion-signature'] = signWebhookBody(text, key);
  const res = await fetch(url(solution), { method: 'POST', headers, body: text });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Every key the app wrote (its own and Bull's) and the maintenance queue's counts. */
const footprint = async () => ({ keys: await keysUnder(api.redis, api.config.keyPrefix), counts: await queue.getJobCounts() });
const refreshJobs = async () => (await queue.getJobs(['delayed', 'waiting', 'active'])).filter((job) => job.name === NOTION_REFRESH_JOB);
const isoNow = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

describe('POST /webhook/notion/:solution', () => {
  it('answers 404 for a solution that is not configured, before anything else', async () => {
    const before = await footprint();
    expect(await deliver('amdp', event())).toEqual({ status: 404, body: problem('Unknown solution: amdp; configured: zcp, apim') });
    expect(await deliver('amdp', { verification_token: 'tok' }, null)).toEqual({ status: 404, body: problem('Unknown solution: amdp; configured: zcp, apim') });
    expect(await footprint()).toEqual(before);
  });

  it('refuses a missing or bad signature with 401 and writes nothing', async () => {
    const before = await footprint();
    const forged = await emulator.sendWebhook({ url: url('zcp'), verificationToken: SECRET, signWith: 'not-the-secret', entityId: IDS.install });
    expect(forged.status).toBe(401);
    expect(JSON.parse(forged.body)).toEqual(problem('Invalid signature'));
    expect(await deliver('zcp', event(), null)).toEqual({ status: 401, body: problem('Invalid signature') });
    // Even a malformed or stale body is judged by its signature first.
    expect(await deliver('zcp', '{not json', 'wrong')).toEqual({ status: 401, body: problem('Invalid signature') });
    expect(await deliver('zcp', event({ timestamp: '2020-01-01T00:00:00.000Z' }), 'wrong')).toEqual({ status: 401, body: problem('Invalid signature') });
    expect(await footprint()).toEqual(before);
  });

  it('answers 401 naming the variable when the solution has no secret, and writes nothing', async () => {
    const before = await footprint();
    expect(await deliver('apim', event(), 'anything')).toEqual({
      status: 401,
      body: problem("Webhook secret for apim is not configured: set NOTION_WEBHOOK_APIM_SECRET to the subscription's verification token"),
    });
    expect(await footprint()).toEqual(before);
  });

  it('schedules one debounced notion-refresh job for a signed page event', async () => {
    const delivery = await emulator.sendWebhook({ url: url('zcp'), verificationToken: SECRET, entityId: IDS.install, type: 'page.content_updated' });
    expect(delivery.status).toBe(200);
    expect(JSON.parse(delivery.body)).toEqual({
      status: 'accepted',
      message: `Cache update scheduled for page ${IDS.install} in solution: zcp`,
      event_id: delivery.event_id,
      timestamp: isoNow,
    });
    const jobs = await refreshJobs();
    expect(jobs).toHaveLength(1);
    expect(jobs[0].data).toEqual({
      version: 1,
      solution: 'zcp',
      page_id: IDS.install,
      event_type: 'page.content_updated',
      event_id: delivery.event_id,
      received_at: isoNow,
    });
    expect(jobs[0].opts.delay).toBe(DEBOUNCE_MS);
    expect(await jobs[0].getState()).toBe('delayed');
    const ttl = await api.redis.ttl(`${api.config.keyPrefix}webhooks:event:${delivery.event_id}`);
    expect(ttl).toBeGreaterThan(api.config.webhooks.dedupeTtlSeconds - 10);
    expect(ttl).toBeLessThanOrEqual(api.config.webhooks.dedupeTtlSeconds);

    // The same event again (Notion retries): taken once.
    const again = await emulator.sendWebhook({ url: url('zcp'), verificationToken: SECRET, entityId: IDS.install, eventId: delivery.event_id ?? undefined });
    expect(JSON.parse(again.body)).toEqual({ status: 'accepted', message: 'Event already processed', event_id: delivery.event_id, timestamp: isoNow });
    expect((await refreshJobs()).map((job) => job.data.event_id)).toEqual([delivery.event_id]);

    // Another event for the same page within the window replaces the pending job.
    const later = await deliver('zcp', event({ type: 'page.properties_updated' }));
    expect(later.status).toBe(200);
    expect((await refreshJobs()).map((job) => job.data.event_id)).toEqual([later.body.event_id]);
  });

  it('takes the page of a non-page event from data.page_id, and ignores events about no page', async () => {
    await queue.empty();
    const comment = event({ type: 'comment.created', entity: { id: randomUUID(), type: 'comment' }, data: { page_id: IDS.reference } });
    expect(await deliver('zcp', comment)).toEqual({
      status: 200,
      body: { status: 'accepted', message: `Cache update scheduled for page ${IDS.reference} in solution: zcp`, event_id: comment.id, timestamp: isoNow },
    });
    expect((await refreshJobs()).map((job) => job.data.page_id)).toEqual([IDS.reference]);

    const schema = event({ type: 'database.schema_updated', entity: { id: randomUUID(), type: 'database' }, data: {} });
    expect(await deliver('zcp', schema)).toEqual({
      status: 200,
      body: { status: 'ignored', message: 'Event type database.schema_updated does not concern a page', event_id: schema.id, timestamp: isoNow },
    });
    const odd = event({ entity: { id: 'not-a-page-id', type: 'page' } });
    expect((await deliver('zcp', odd)).body).toMatchObject({ status: 'ignored', message: 'Invalid Notion page ID format: not-a-page-id' });
    expect(await refreshJobs()).toHaveLength(1);
  });

  it('answers 503 like POST /publish when the queue refuses the refresh, and takes Notion\'s retry of the event', async () => {
    await queue.empty();
    const signed = event();
    const add = jest.spyOn(queue, 'add').mockRejectedValueOnce(new Error('Connection is closed.'));
    try {
      expect(await deliver('zcp', signed)).toEqual({ status: 503, body: problem('Could not schedule the refresh: Redis unavailable; retry later') });
    } finally {
      add.mockRestore();
    }
    expect(await api.redis.exists(`${api.config.keyPrefix}webhooks:event:${signed.id}`)).toBe(0);
    expect((await deliver('zcp', signed)).body).toMatchObject({ status: 'accepted', message: `Cache update scheduled for page ${IDS.install} in solution: zcp` });
    expect((await refreshJobs()).map((job) => job.data.event_id)).toEqual([signed.id]);
  });

  it('ignores an event outside the time window without remembering it', async () => {
    const stale = event({ timestamp: new Date(Date.now() - 2 * 3_600_000).toISOString() });
    const before = await footprint();
    expect(await deliver('zcp', stale)).toEqual({
      status: 200,
      body: { status: 'ignored', message: `Event ${stale.id} is outside the 3600 s window`, event_id: stale.id, timestamp: isoNow },
    });
    expect(await footprint()).toEqual(before);
  });

  it('answers 400 for a signed body that is not JSON and 422 naming missing fields', async () => {
    const before = await footprint();
    expect(await deliver('zcp', '{not json')).toEqual({ status: 400, body: problem('Malformed JSON body') });
    const { entity: _entity, ...withoutEntity } = event();
    expect(await deliver('zcp', { ...withoutEntity, id: 42 })).toEqual({
      status: 422,
      body: problem([
        { loc: ['body', 'id'], msg: 'Input should be a valid string', type: 'type_error' },
        { loc: ['body', 'entity'], msg: 'Field required', type: 'type_error' },
      ]),
    });
    expect(await footprint()).toEqual(before);
  });
});

describe('the subscription handshake', () => {
  it('stores the verification token for admins and echoes it, changing nothing else', async () => {
    const noJobs = await queue.getJobCounts();
    expect((await fetch(`${url('apim')}/verification`, { headers: as('root', 'admin') })).status).toBe(404);
    expect(await (await fetch(`${url('apim')}/verification`, { headers: as('root', 'admin') })).json()).toEqual(problem('No verification request received for apim yet'));

    // Unsigned, and accepted for a solution without a secret: the token is what the admin configures.
    const delivery = await emulator.sendWebhook({ url: url('apim'), verificationToken: 'secret_tok_from_notion', verification: true });
    expect(delivery.status).toBe(200);
    expect(JSON.parse(delivery.body)).toEqual({ verification_token: 'secret_tok_from_notion' });
    const stored = JSON.parse((await api.redis.get(`${api.config.keyPrefix}webhooks:verification:apim`)) ?? 'null') as { received_at: string };
    expect(stored).toEqual({ verification_token: 'secret_tok_from_notion', received_at: isoNow });
    expect(await api.redis.ttl(`${api.config.keyPrefix}webhooks:verification:apim`)).toBe(-1);
    expect(await queue.getJobCounts()).toEqual(noJobs);

    const read = await fetch(`${url('apim')}/verification`, { headers: as('root', 'admin') });
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({ solution: 'apim', verification_token: 'secret_tok_from_notion', received_at: stored.received_at });
    expect((await fetch(`${url('apim')}/verification`, { headers: as('pat', 'publisher') })).status).toBe(403);
    expect((await fetch(`${url('apim')}/verification`)).status).toBe(401);
    expect((await fetch(`${url('nope')}/verification`, { headers: as('root', 'admin') })).status).toBe(404);
  });

  it('treats a body with more than the token as an event (signature required)', async () => {
    expect(await deliver('zcp', { verification_token: 'x', id: 'y' }, null)).toEqual({ status: 401, body: problem('Invalid signature') });
  });

  it('takes no oversized or odd token for a handshake: it is neither stored nor echoed without a signature', async () => {
    const before = await footprint();
    for (const token of ['x'.repeat(257), 'secret with blanks', 'line\nbreak', '']) {
      expect(await deliver('zcp', { verification_token: token }, null)).toEqual({ status: 401, body: problem('Invalid signature') });
    }
    expect(await footprint()).toEqual(before);
  });
});
