import { APIResponseError, Client, collectPaginatedAPI, isFullBlock, LogLevel, verifyWebhookSignature } from '@notionhq/client';
import type { BlockObjectResponse } from '@notionhq/client';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildDemoWorkspace } from '../fixtures/demo-workspace';
import type { Workspace } from '../workspace';
import type { NotionEmulator } from './notion-emulator';
import { startNotionEmulator } from './notion-emulator';

/** What every assertion below is about: the real @notionhq/client over real HTTP. */
const clientFor = (emu: NotionEmulator, retry: false | { maxRetries: number } = false, auth = emu.token) =>
  new Client({ auth, baseUrl: emu.url, logLevel: LogLevel.ERROR, retry: retry === false ? false : { ...retry, initialRetryDelayMs: 10, maxRetryDelayMs: 2000 } });

async function apiError(promise: Promise<unknown>): Promise<APIResponseError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof APIResponseError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

const fileBlocks = (ws: Workspace) =>
  Object.values(ws.blocks).filter(
    (b): b is Extract<BlockObjectResponse, { type: 'image' | 'file' | 'pdf' | 'audio' }> =>
      (b.type === 'image' || b.type === 'file' || b.type === 'pdf' || b.type === 'audio') &&
      (b as unknown as Record<string, { type: string }>)[b.type].type === 'file',
  );

describe('Notion emulator through @notionhq/client', () => {
  const ws = buildDemoWorkspace();
  let clock = Date.now();
  let emu: NotionEmulator;
  let notion: Client;

  beforeAll(async () => {
    emu = await startNotionEmulator({ workspace: ws, rateLimit: false, now: () => clock });
    notion = clientFor(emu);
  });
  afterAll(() => emu.stop());
  beforeEach(() => {
    emu.resetStats();
    emu.setFaults({});
  });

  it('retrieves the root page and serves it as a child_page block too', async () => {
    const page = await notion.pages.retrieve({ page_id: ws.rootPageId.replace(/-/g, '') });
    expect(page).toEqual(ws.pages[ws.rootPageId]);
    const block = await notion.blocks.retrieve({ block_id: ws.rootPageId });
    expect(isFullBlock(block) && block.type).toBe('child_page');
  });

  it('pages through more than 100 children with start_cursor / next_cursor', async () => {
    const [parentId, childIds] = Object.entries(ws.children).find(([id, ids]) => ids.length > 100 && !ws.dataSources[id])!;
    const blocks = await collectPaginatedAPI(notion.blocks.children.list, { block_id: parentId });
    expect(blocks.map((b) => b.id)).toEqual(childIds);
    expect(emu.stats().by_endpoint['GET /v1/blocks/{id}/children']).toBe(Math.ceil(childIds.length / 100));
    const first = await notion.blocks.children.list({ block_id: parentId, page_size: 100 });
    expect(first.has_more).toBe(true);
    expect(first.next_cursor).toBe(childIds[100]);
  });

  it('refuses a page_size over 100 as Notion does', async () => {
    const error = await apiError(notion.blocks.children.list({ block_id: ws.rootPageId, page_size: 101 }));
    expect([error.status, error.code]).toEqual([400, 'validation_error']);
  });

  it('lists database rows through data sources and the legacy database query', async () => {
    const [dataSourceId, rowIds] = Object.entries(ws.children).find(([id]) => ws.dataSources[id])!;
    const databaseId = ws.dataSources[dataSourceId].parent.database_id;
    const rows = await collectPaginatedAPI(notion.dataSources.query, { data_source_id: dataSourceId, page_size: 2 });
    expect(rows.map((r) => r.id)).toEqual(rowIds);
    const legacy = (await notion.request({ path: `databases/${databaseId}/query`, method: 'post', body: {} })) as { results: { id: string }[] };
    expect(legacy.results.map((r) => r.id)).toEqual(rowIds);
    const database = await notion.databases.retrieve({ database_id: databaseId });
    expect(database).toEqual(ws.databases[databaseId]);
  });

  it('filters rows by last_edited_time and refuses filters it does not understand', async () => {
    const [dataSourceId, rowIds] = Object.entries(ws.children).find(([id]) => ws.dataSources[id])!;
    const times = rowIds.map((id) => ws.pages[id].last_edited_time).sort();
    const newest = times[times.length - 1];
    const recent = await notion.dataSources.query({
      data_source_id: dataSourceId,
      filter: { timestamp: 'last_edited_time', last_edited_time: { on_or_after: newest } },
    });
    expect(recent.results.length).toBe(times.filter((t) => t >= newest).length);
    const error = await apiError(
      notion.dataSources.query({ data_source_id: dataSourceId, filter: { property: 'Name', rich_text: { contains: 'x' } } }),
    );
    expect(error.code).toBe('validation_error');
  });

  it('retrieves users by id', async () => {
    const user = Object.values(ws.users).find((u) => u.type === 'person')!;
    expect(await notion.users.retrieve({ user_id: user.id })).toEqual(user);
  });

  it('answers 404 object_not_found for unknown ids and 400 for malformed ones', async () => {
    const missing = await apiError(notion.pages.retrieve({ page_id: '00000000-0000-4000-8000-000000000000' }));
    expect([missing.status, missing.code]).toEqual([404, 'object_not_found']);
    expect(missing.message).toMatch(/Could not find page with ID: 00000000-0000-4000-8000-000000000000/);
    const malformed = await fetch(`${emu.url}/v1/pages/not-an-id`, {
      headers: { authorization: `Bearer ${emu.token}`, 'notion-version': '2025-09-03' },
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ object: 'error', code: 'validation_error' });
  });

  it('answers 401 unauthorized for a bad token and 400 without Notion-Version', async () => {
    const error = await apiError(clientFor(emu, false, 'secret_wrong').pages.retrieve({ page_id: ws.rootPageId }));
    expect([error.status, error.code]).toEqual([401, 'unauthorized']);
    const noVersion = await fetch(`${emu.url}/v1/pages/${ws.rootPageId}`, { headers: { authorization: `Bearer ${emu.token}` } });
    expect(noVersion.status).toBe(400);
    expect(await noVersion.json()).toMatchObject({ object: 'error', status: 400, code: 'missing_version' });
  });

  it('injects 5xx faults; the client gives up without retries and gets through with them', async () => {
    emu.setFaults({ next: [503] });
    const error = await apiError(notion.pages.retrieve({ page_id: ws.rootPageId }));
    expect([error.status, error.code]).toEqual([503, 'service_unavailable']);
    emu.setFaults({ next: [500, 503] });
    const page = await clientFor(emu, { maxRetries: 3 }).pages.retrieve({ page_id: ws.rootPageId });
    expect(page.id).toBe(ws.rootPageId);
    expect(emu.stats()).toMatchObject({ faults_injected: 3, by_status: { '200': 1, '500': 1, '503': 2 } });
  });

  it('serves Notion-hosted files through links that expire after an hour', async () => {
    const [first] = fileBlocks(ws);
    const served = (await notion.blocks.retrieve({ block_id: first.id })) as typeof first;
    const file = (served as unknown as Record<string, { type: string; file: { url: string; expiry_time: string } }>)[first.type];
    expect(Date.parse(file.file.expiry_time) - clock).toBeGreaterThan(3500 * 1000);
    const name = decodeURIComponent(new URL(file.file.url).pathname.split('/').pop()!);
    const ok = await fetch(file.file.url);
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer()).equals(ws.files[name].data)).toBe(true);
    expect(ok.headers.get('content-type')).toBe(ws.files[name].contentType);

    clock += 2 * 3600 * 1000;
    const expired = await fetch(file.file.url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Request has expired');
    const tampered = await fetch(file.file.url.replace(/X-Signature=./, 'X-Signature=0'));
    expect(tampered.status).toBe(403);
    expect(emu.stats().file_downloads).toBe(3);
  });

  it('counts requests per endpoint on GET /__stats', async () => {
    await notion.pages.retrieve({ page_id: ws.rootPageId });
    await notion.blocks.children.list({ block_id: ws.rootPageId });
    await apiError(notion.pages.retrieve({ page_id: '00000000-0000-4000-8000-000000000000' }));
    const stats = (await (await fetch(`${emu.url}/__stats`)).json()) as ReturnType<NotionEmulator['stats']>;
    expect(stats).toMatchObject({
      total: 3,
      by_endpoint: { 'GET /v1/pages/{id}': 2, 'GET /v1/blocks/{id}/children': 1 },
      by_status: { '200': 2, '404': 1 },
    });
  });
});

describe('Notion emulator rate limit', () => {
  const ws = buildDemoWorkspace();
  let emu: NotionEmulator;

  beforeAll(async () => {
    emu = await startNotionEmulator({ workspace: ws, rateLimit: { requestsPerSecond: 3, burst: 2 } });
  });
  afterAll(() => emu.stop());

  it('answers 429 rate_limited with Retry-After past the burst', async () => {
    const notion = clientFor(emu);
    await notion.pages.retrieve({ page_id: ws.rootPageId });
    await notion.pages.retrieve({ page_id: ws.rootPageId });
    const error = await apiError(notion.pages.retrieve({ page_id: ws.rootPageId }));
    expect([error.status, error.code]).toEqual([429, 'rate_limited']);
    expect((error.headers as Headers).get('retry-after')).toBe('1');
  });

  it('lets a client that honours Retry-After get every answer', async () => {
    emu.resetStats();
    const notion = clientFor(emu, { maxRetries: 5 });
    const pages = await Promise.all(Array.from({ length: 5 }, () => notion.pages.retrieve({ page_id: ws.rootPageId })));
    expect(pages.every((p) => p.id === ws.rootPageId)).toBe(true);
    const stats = emu.stats();
    expect(stats.by_status['200']).toBe(5);
    expect(stats.rate_limited).toBeGreaterThan(0);
  });
});

describe('Notion emulator webhooks', () => {
  const ws = buildDemoWorkspace();
  let emu: NotionEmulator;
  const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(202, { 'content-type': 'application/json' }).end('{"status":"accepted"}');
    });
  });
  let target = '';

  beforeAll(async () => {
    emu = await startNotionEmulator({ workspace: ws, rateLimit: false });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    target = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook/notion/zcp`;
  });
  afterAll(async () => {
    await emu.stop();
    receiver.close();
  });

  it('sends a page event signed like Notion (verified by the client library)', async () => {
    const delivery = await emu.sendWebhook({ url: target, verificationToken: 'secret_verify', entityId: ws.rootPageId });
    expect(delivery).toMatchObject({ status: 202, body: '{"status":"accepted"}' });
    const last = received[received.length - 1];
    const event = JSON.parse(last.body);
    expect(event).toMatchObject({ id: delivery.event_id, type: 'page.content_updated', entity: { id: ws.rootPageId, type: 'page' } });
    const signature = last.headers['x-notion-signature'] as string;
    expect(await verifyWebhookSignature({ body: last.body, signature, verificationToken: 'secret_verify' })).toBe(true);
    expect(await verifyWebhookSignature({ body: last.body, signature, verificationToken: 'other' })).toBe(false);
  });

  it('can send the verification handshake, a bad signature and a repeated event id over HTTP', async () => {
    const send = (body: object) =>
      fetch(`${emu.url}/__webhooks/send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await send({ url: target, verification_token: 'secret_verify', verification: true });
    expect(JSON.parse(received[received.length - 1].body)).toEqual({ verification_token: 'secret_verify' });
    expect(received[received.length - 1].headers['x-notion-signature']).toBeUndefined();

    const res = await send({ url: target, verification_token: 'secret_verify', entity_id: ws.rootPageId, sign_with: 'forged', event_id: 'evt-1' });
    expect(res.status).toBe(200);
    const forged = received[received.length - 1];
    expect(JSON.parse(forged.body).id).toBe('evt-1');
    expect(await verifyWebhookSignature({ body: forged.body, signature: forged.headers['x-notion-signature'] as string, verificationToken: 'secret_verify' })).toBe(false);
  });

  it('only delivers to this machine', async () => {
    const res = await fetch(`${emu.url}/__webhooks/send`, {
      method: 'POST',
      body: JSON.stringify({ url: 'http://10.0.0.1/hook', verification_token: 't', entity_id: ws.rootPageId }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/this machine/);
  });
});
