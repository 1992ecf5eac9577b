import { Client, collectPaginatedAPI, isFullBlock, verifyWebhookSignature } from '@notionhq/client';
import type { BlockObjectResponse } from '@notionhq/client';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildDemoWorkspace } from '../fixtures/demo-workspace';
import type { Workspace } from '../workspace';
import type { NotionEmulator } from './notion-emulator';
import { startNotionEmulator } from './notion-emulator';
import type { ErrorBody } from './spec-helpers';
import { apiError, clientFor, rawApi } from './spec-helpers';

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
  it('keeps the real parent of a page served as a block (root page and database row)', async () => {
    const root = await notion.blocks.retrieve({ block_id: ws.rootPageId });
    expect(isFullBlock(root) && root.parent).toEqual(ws.pages[ws.rootPageId].parent);
    const [, [rowId]] = Object.entries(ws.children).find(([id]) => ws.dataSources[id])!;
    const row = await notion.blocks.retrieve({ block_id: rowId });
    expect(isFullBlock(row) && row.parent).toEqual(ws.blocks[rowId]?.parent ?? ws.pages[rowId].parent);
  });

  it('refuses a database or data source id on the page and block endpoints, as Notion does', async () => {
    const databaseId = Object.keys(ws.databases)[0];
    const asPage = await apiError(notion.pages.retrieve({ page_id: databaseId }));
    expect([asPage.status, asPage.code]).toEqual([400, 'validation_error']);
    expect(asPage.message).toBe(
      `Provided ID ${databaseId} is a database, not a page. Use the retrieve database API instead, https://developers.notion.com/reference/retrieve-a-database.`,
    );
    const dataSourceId = Object.keys(ws.dataSources)[0];
    const dsAsPage = await apiError(notion.pages.retrieve({ page_id: dataSourceId }));
    expect([dsAsPage.status, dsAsPage.code]).toEqual([400, 'validation_error']);
    expect(dsAsPage.message).toMatch(`Provided ID ${dataSourceId} is a data source, not a page.`);
    const dsAsBlock = await apiError(notion.blocks.retrieve({ block_id: dataSourceId }));
    expect([dsAsBlock.status, dsAsBlock.code]).toEqual([400, 'validation_error']);
  });

  it('sorts rows by last_edited_time and created_time, both directions, and refuses property sorts', async () => {
    const [dataSourceId, rowIds] = Object.entries(ws.children).find(([id]) => ws.dataSources[id])!;
    for (const timestamp of ['last_edited_time', 'created_time'] as const) {
      const at = (id: string) => Date.parse(ws.pages[id][timestamp]);
      for (const direction of ['ascending', 'descending'] as const) {
        const sign = direction === 'ascending' ? 1 : -1;
        const expected = [...rowIds].sort((a, b) => (at(a) - at(b)) * sign);
        const sorted = await notion.dataSources.query({ data_source_id: dataSourceId, sorts: [{ timestamp, direction }] });
        expect(sorted.results.map((r) => r.id)).toEqual(expected);
      }
    }
    const propertyName = Object.keys(ws.dataSources[dataSourceId].properties)[0];
    const error = await apiError(
      notion.dataSources.query({ data_source_id: dataSourceId, sorts: [{ property: propertyName, direction: 'ascending' }] }),
    );
    expect([error.status, error.code]).toEqual([400, 'validation_error']);
  });

  it('asks once per page_size rows when a data source query is paged', async () => {
    const [dataSourceId, rowIds] = Object.entries(ws.children).find(([id]) => ws.dataSources[id])!;
    expect(rowIds.length).toBeGreaterThan(1);
    const rows = await collectPaginatedAPI(notion.dataSources.query, { data_source_id: dataSourceId, page_size: 1 });
    expect(rows.map((r) => r.id)).toEqual(rowIds);
    expect(emu.stats().by_endpoint['POST /v1/data_sources/{id}/query']).toBe(rowIds.length);
    emu.resetStats();
    await collectPaginatedAPI(notion.dataSources.query, { data_source_id: dataSourceId });
    expect(emu.stats().by_endpoint['POST /v1/data_sources/{id}/query']).toBe(1);
  });

  it('retrieves a data source', async () => {
    const dataSourceId = Object.keys(ws.dataSources)[0];
    expect(await notion.dataSources.retrieve({ data_source_id: dataSourceId })).toEqual(ws.dataSources[dataSourceId]);
  });

  it('answers GET /v1/users/me with the bot user and lists every user', async () => {
    expect(await notion.users.me({})).toEqual(Object.values(ws.users).find((u) => u.type === 'bot'));
    const users = await collectPaginatedAPI(notion.users.list, { page_size: 2 });
    expect(users).toEqual(Object.values(ws.users));
    expect(emu.stats().by_endpoint['GET /v1/users']).toBe(Math.ceil(users.length / 2));
  });

  it('accepts the Notion-Version the client sends and refuses one whose shapes it does not serve', async () => {
    expect(Client.defaultNotionVersion).toBe('2025-09-03');
    const old = await apiError(clientFor(emu, false, emu.token, '2022-06-28').pages.retrieve({ page_id: ws.rootPageId }));
    expect([old.status, old.code]).toEqual([400, 'validation_error']);
    expect(old.message).toMatch(/2022-06-28/);
    expect(old.message).toMatch(/2025-09-03/);
  });

  it('answers a malformed %-escape in the path with 400 invalid_request_url', async () => {
    const res = await rawApi(emu, '/v1/pages/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ object: 'error', status: 400, code: 'invalid_request_url' });
    expect(emu.stats().by_status).toEqual({ '400': 1 });
  });

  it('refuses a page_size sent as a string in a JSON body, and names the query string for GET parameters', async () => {
    const dataSourceId = Object.keys(ws.dataSources)[0];
    const res = await rawApi(emu, `/v1/data_sources/${dataSourceId}/query`, { method: 'POST', body: { page_size: '2' } });
    const error = (await res.json()) as ErrorBody;
    expect([res.status, error.code]).toEqual([400, 'validation_error']);
    expect(error.message).toMatch(/body\.page_size should be a number/);
    const get = await rawApi(emu, `/v1/blocks/${ws.rootPageId}/children?page_size=abc`);
    const getError = (await get.json()) as ErrorBody;
    expect([get.status, getError.code]).toEqual([400, 'validation_error']);
    expect(getError.message).toMatch(/^query failed validation: query\.page_size/);
    expect(getError.message).not.toMatch(/body/);
  });

});

describe('Notion emulator rate limit with a client that retries (real clock: the client really waits)', () => {
  const ws = buildDemoWorkspace();
  let emu: NotionEmulator;

  beforeAll(async () => {
    emu = await startNotionEmulator({ workspace: ws, rateLimit: { requestsPerSecond: 3, burst: 2 } });
  });
  afterAll(() => emu.stop());

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
  const clock = Date.parse('2026-02-03T04:05:06.789Z');
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
    emu = await startNotionEmulator({ workspace: ws, rateLimit: false, now: () => clock });
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

  it('names the workspace after the bot user and dates the event on the emulator clock', async () => {
    await emu.sendWebhook({ url: target, verificationToken: 'secret_verify', entityId: ws.rootPageId });
    const event = JSON.parse(received[received.length - 1].body);
    const bot = Object.values(ws.users).find((u) => u.type === 'bot')!;
    const info = bot.type === 'bot' && 'workspace_id' in bot.bot ? bot.bot : undefined;
    expect(info).toBeDefined();
    expect(event).toMatchObject({ workspace_id: info!.workspace_id, workspace_name: info!.workspace_name, timestamp: new Date(clock).toISOString() });
    expect(event.data.parent).toEqual({ id: info!.workspace_id, type: 'space' });
  });

  it('describes the page\'s parent and some updated blocks, unless the caller gives data', async () => {
    const sub = Object.values(ws.pages).find((p) => p.parent.type === 'page_id' && (ws.children[p.id] ?? []).some((id) => ws.blocks[id]))!;
    await emu.sendWebhook({ url: target, verificationToken: 'secret_verify', entityId: sub.id });
    const event = JSON.parse(received[received.length - 1].body);
    expect(event.data.parent).toEqual({ id: sub.parent.type === 'page_id' && sub.parent.page_id, type: 'page' });
    const updated = event.data.updated_blocks as { id: string; type: string }[];
    expect(updated.length).toBeGreaterThan(0);
    for (const block of updated) {
      expect(block.type).toBe('block');
      expect(ws.children[sub.id]).toContain(block.id);
    }

    const [dataSourceId, [rowId]] = Object.entries(ws.children).find(([id]) => ws.dataSources[id])!;
    await emu.sendWebhook({ url: target, verificationToken: 'secret_verify', entityId: rowId, type: 'page.created' });
    const created = JSON.parse(received[received.length - 1].body);
    expect(created.data).toEqual({
      parent: { id: ws.dataSources[dataSourceId].parent.database_id, type: 'database', data_source_id: dataSourceId },
    });

    await emu.sendWebhook({ url: target, verificationToken: 'secret_verify', entityId: sub.id, data: { custom: true } });
    expect(JSON.parse(received[received.length - 1].body).data).toEqual({ custom: true });
  });

  it('gives up on a receiver that does not answer (504) or cannot be reached (502)', async () => {
    const hung = createServer(() => undefined);
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const quick = await startNotionEmulator({ workspace: ws, rateLimit: false, webhookTimeoutMs: 200 });
    try {
      const url = `http://127.0.0.1:${(hung.address() as AddressInfo).port}/hook`;
      const res = await fetch(`${quick.url}/__webhooks/send`, {
        method: 'POST',
        body: JSON.stringify({ url, verification_token: 't', entity_id: ws.rootPageId }),
      });
      expect(res.status).toBe(504);
      expect(await res.json()).toMatchObject({ code: 'gateway_timeout' });

      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/hook`;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      await expect(quick.sendWebhook({ url: closedUrl, verificationToken: 't', entityId: ws.rootPageId })).rejects.toMatchObject({
        status: 502,
      });
    } finally {
      await quick.stop();
      hung.closeAllConnections();
      await new Promise<void>((resolve) => hung.close(() => resolve()));
    }
  });
});

describe('Notion emulator and trashed objects', () => {
  const ws = buildDemoWorkspace();
  const [dataSourceId, rowIds] = Object.entries(ws.children).find(([id]) => ws.dataSources[id])!;
  const databaseId = ws.dataSources[dataSourceId].parent.database_id;
  const [parentId, childIds] = Object.entries(ws.children).find(
    ([id, ids]) => !ws.dataSources[id] && ids.length >= 3 && ids.every((c) => ws.blocks[c]),
  )!;
  const trashedBlockId = childIds[1];
  const trashedRowId = rowIds[1];
  let emu: NotionEmulator;
  let notion: Client;

  beforeAll(async () => {
    ws.blocks[trashedBlockId] = { ...ws.blocks[trashedBlockId], in_trash: true } as BlockObjectResponse;
    ws.pages[trashedRowId] = { ...ws.pages[trashedRowId], in_trash: true };
    emu = await startNotionEmulator({ workspace: ws, rateLimit: false });
    notion = clientFor(emu);
  });
  afterAll(() => emu.stop());

  it('leaves a trashed block out of its parent\'s children, and still serves it by id', async () => {
    const children = await collectPaginatedAPI(notion.blocks.children.list, { block_id: parentId, page_size: 1 });
    expect(children.map((b) => b.id)).toEqual(childIds.filter((id) => id !== trashedBlockId));
    const trashed = await notion.blocks.retrieve({ block_id: trashedBlockId });
    expect(isFullBlock(trashed) && trashed.in_trash).toBe(true);
  });

  it('leaves a trashed row out of data source and database queries, and still serves it by id', async () => {
    const expected = rowIds.filter((id) => id !== trashedRowId);
    const rows = await collectPaginatedAPI(notion.dataSources.query, { data_source_id: dataSourceId, page_size: 1 });
    expect(rows.map((r) => r.id)).toEqual(expected);
    const legacy = (await notion.request({ path: `databases/${databaseId}/query`, method: 'post', body: {} })) as { results: { id: string }[] };
    expect(legacy.results.map((r) => r.id)).toEqual(expected);
    const page = await notion.pages.retrieve({ page_id: trashedRowId });
    expect('in_trash' in page && page.in_trash).toBe(true);
  });
});

describe('Notion emulator options', () => {
  it('signs file links for fileUrlTtlSeconds', async () => {
    const ws = buildDemoWorkspace();
    const now = Date.parse('2026-01-01T00:00:00Z');
    const emu = await startNotionEmulator({ workspace: ws, rateLimit: false, fileUrlTtlSeconds: 60, now: () => now });
    try {
      const [first] = fileBlocks(ws);
      const served = (await clientFor(emu).blocks.retrieve({ block_id: first.id })) as unknown as Record<string, { file: { expiry_time: string } }>;
      expect(served[first.type].file.expiry_time).toBe('2026-01-01T00:01:00.000Z');
    } finally {
      await emu.stop();
    }
  });

  it('refuses options it cannot honour', async () => {
    const workspace = buildDemoWorkspace();
    await expect(startNotionEmulator({ workspace, fileUrlTtlSeconds: 0 })).rejects.toThrow(/fileUrlTtlSeconds must be/);
    await expect(startNotionEmulator({ workspace, rateLimit: { requestsPerSecond: 0, burst: 1 } })).rejects.toThrow(RangeError);
    await expect(startNotionEmulator({ workspace, faults: { rate: 2 } })).rejects.toThrow(/faults\.rate must be/);
  });

  it('accepts the Notion-Version values given in notionVersions', async () => {
    const ws = buildDemoWorkspace();
    const emu = await startNotionEmulator({ workspace: ws, rateLimit: false, notionVersions: ['2025-09-03', '2026-03-11'] });
    try {
      expect((await rawApi(emu, `/v1/pages/${ws.rootPageId}`, { version: '2026-03-11' })).status).toBe(200);
      expect((await rawApi(emu, `/v1/pages/${ws.rootPageId}`, { version: '2022-06-28' })).status).toBe(400);
    } finally {
      await emu.stop();
    }
  });
});
