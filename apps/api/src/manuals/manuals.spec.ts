import { Client } from '@notionhq/client';
import type { ManualsCacheItem } from '@zmp-manual/job-events';
import { ManualsCacheStore } from '@zmp-manual/job-events';
import type { NotionEmulator } from '@zmp-manual/notion-emulator';
import { builder as b, startNotionEmulator } from '@zmp-manual/notion-emulator';
import { crawlTree, toManualsItems } from '@zmp-manual/notion-exporter';
import { MANUALS_PATHS } from '../api.tokens';
import type { ManualsPaths } from '../api.tokens';
import { ManualsModule } from './manuals.module';
import { as, problem, startApiTestApp, testConfig } from '../testing/api-test-app';
import type { ApiTestApp } from '../testing/api-test-app';
import { eventually } from '../testing/eventually';

const id = b.idFactory('api-manuals');
const IDS = { root: id('root'), start: id('start'), install: id('install'), reference: id('reference'), user: id('user'), missing: id('missing') };
const JANE = as('jane');

function workspace() {
  const root = b.page(
    { title: 'ZCP', id: IDS.root },
    b.page({ title: 'Getting Started', id: IDS.start }, b.page({ title: 'Install', id: IDS.install }, b.paragraph('npm i'))),
    b.page({ title: 'Reference', id: IDS.reference }, b.paragraph('All the flags')),
  );
  return b.buildWorkspace({ name: 'api-manuals', root, users: [b.person(IDS.user, 'Jane Doe', 'jane@example.com')] });
}

let emulator: NotionEmulator;
let api: ApiTestApp;
/** What the original's GET /manuals answered for the emulator's tree (notion-exporter's own mapping). */
let expected: ManualsCacheItem[];
/** Notion calls of one crawl of the zcp tree. */
let crawlCalls: number;

const get = (path: string, headers: Record<string, string> = JANE) => fetch(`${api.base}${path}`, { headers });
const post = (path: string, headers: Record<string, string>) => fetch(`${api.base}${path}`, { method: 'POST', headers });
const cacheStore = () => new ManualsCacheStore({ redis: api.redis, keyPrefix: api.config.keyPrefix });

beforeAll(async () => {
  emulator = await startNotionEmulator({ workspace: workspace(), rateLimit: false });
  const client = new Client({ auth: emulator.token, baseUrl: emulator.url, retry: false });
  emulator.resetStats();
  expected = toManualsItems(await crawlTree({ client, rootPageId: IDS.root, rateLimit: false }));
  crawlCalls = emulator.stats().total;
  emulator.resetStats();
  api = await startApiTestApp(testConfig('api-manuals', {
      SOLUTIONS: 'zcp,apim',
      ZCP_ROOT_PAGE_ID: IDS.root,
      APIM_ROOT_PAGE_ID: IDS.missing,
      NOTION_TOKEN: emulator.token,
      NOTION_BASE_URL: emulator.url,
      NOTION_RATE_LIMIT: '0',
    }), { imports: [ManualsModule] });
});

afterAll(async () => {
  await api?.close();
  await emulator?.stop();
});

describe('GET /sidebar', () => {
  it('lists every configured solution in order, in the original shape', async () => {
    const res = await get('/sidebar');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      solutions: [
        { name: 'ZCP', solution_type: 'zcp', root_page_id: IDS.root },
        { name: 'APIM', solution_type: 'apim', root_page_id: IDS.missing },
      ],
    });
  });
});

describe('GET /manuals', () => {
  it('crawls once on a miss, even for concurrent requests, then answers from the cache without Notion', async () => {
    expect(crawlCalls).toBeGreaterThan(0);
    const [first, second] = await Promise.all([get('/manuals'), get('/manuals?selected_solution=zcp')]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await first.json()).toEqual({ items: expected });
    expect(await second.json()).toEqual({ items: expected });
    expect(emulator.stats().total).toBe(crawlCalls); // one crawl for both

    const again = await get('/manuals');
    expect(await again.json()).toEqual({ items: expected });
    expect(emulator.stats().total).toBe(crawlCalls);
    // Stored for every replica.
    expect((await cacheStore().get('zcp'))?.items).toEqual(expected);
  });

  it('answers the original item shape: flat pre-order, slug titles, sibling index, +00:00 times', async () => {
    const { items } = (await (await get('/manuals')).json()) as { items: ManualsCacheItem[] };
    expect(items.map((item) => [item.title, item.parent_id, item.index, item.is_directory])).toEqual([
      ['zcp', null, 1, true],
      ['getting-started', IDS.root, 1, true],
      ['install', IDS.start, 1, false],
      ['reference', IDS.root, 2, false],
    ]);
    expect(Object.keys(items[0])).toEqual(['object_id', 'title', 'is_directory', 'parent_id', 'notion_url', 'index', 'last_edited_time', 'last_edited_by', 'last_editor_avatar_url']);
    expect(items[0].object_id).toBe(IDS.root);
    expect(items[0].last_edited_by).toBe('Jane Doe');
    for (const item of items) expect(item.last_edited_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$/);
  });

  it('serves memory until a manuals_updated event says another process stored a new tree', async () => {
    const changed = expected.map((item) => (item.object_id === IDS.reference ? { ...item, title: 'reference-v2' } : item));
    // Written behind its back without an event: memory still answers.
    const key = `${api.config.keyPrefix}manuals:cache:zcp`;
    await api.redis.set(key, JSON.stringify({ solution: 'zcp', items: changed, updated_at: new Date().toISOString() }));
    expect(await (await get('/manuals')).json()).toEqual({ items: expected });
    // A worker's refresh: put announces it on the manuals stream.
    const renamed = expected.map((item) => (item.object_id === IDS.reference ? { ...item, title: 'reference-v3' } : item));
    await cacheStore().put('zcp', renamed);
    await eventually(async () => {
      const body = (await (await get('/manuals')).json()) as { items: ManualsCacheItem[] };
      return body.items[3].title === 'reference-v3' ? true : undefined;
    }, 'the new tree');
    expect(await (await get('/manuals')).json()).toEqual({ items: renamed });
    expect(emulator.stats().total).toBe(crawlCalls); // never Notion
    await cacheStore().put('zcp', expected);
    await eventually(async () => ((await (await get('/manuals')).json()) as { items: ManualsCacheItem[] }).items[3].title === 'reference' || undefined, 'the tree back');
  });

  it('refuses a solution that is not configured with a FastAPI-like 422 listing the configured ones', async () => {
    for (const query of ['?selected_solution=amdp', '?selected_solution=', '?selected_solution=zcp&selected_solution=apim']) {
      const res = await get(`/manuals${query}`);
      expect(res.status).toBe(422);
      expect(await res.json()).toEqual(problem([{ loc: ['query', 'selected_solution'], msg: "Input should be 'zcp' or 'apim'", type: 'enum' }]));
    }
  });

  it('answers 502 when Notion cannot be read, caching nothing', async () => {
    const res = await get('/manuals?selected_solution=apim');
    expect(res.status).toBe(502);
    const body = (await res.json()) as { detail: string };
    expect(body.detail).toMatch(/^Notion could not be read for the manuals of apim: /);
    expect(body.detail).not.toContain(emulator.token);
    expect(await cacheStore().get('apim')).toBeNull();
  });
});

describe('POST /manuals/refresh', () => {
  it('needs the publisher role', async () => {
    expect((await post('/manuals/refresh', JANE)).status).toBe(403);
    expect((await post('/manuals/refresh', {})).status).toBe(401);
  });

  it('crawls now, stores the tree and reports it', async () => {
    emulator.resetStats();
    const res = await post('/manuals/refresh?selected_solution=zcp', as('pat', 'publisher'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { updated_at: string };
    expect(body).toEqual({ status: 'success', solution: 'zcp', count: expected.length, updated_at: body.updated_at });
    expect(emulator.stats().total).toBe(crawlCalls);
    const stored = await cacheStore().get('zcp');
    expect(stored).toEqual({ solution: 'zcp', items: expected, updated_at: body.updated_at });
    expect(await (await get('/manuals')).json()).toEqual({ items: expected });
  });

  it('answers 502 for a tree Notion cannot give, and 422 for an unknown solution', async () => {
    expect((await post('/manuals/refresh?selected_solution=apim', as('pat', 'publisher'))).status).toBe(502);
    expect((await post('/manuals/refresh?selected_solution=nope', as('pat', 'publisher'))).status).toBe(422);
  });
});

describe('MANUALS_PATHS', () => {
  it('joins the slugs from the root down, from the cache only', async () => {
    const paths = api.app.get<ManualsPaths>(MANUALS_PATHS);
    emulator.resetStats();
    expect(await paths.titlePath('zcp', IDS.install)).toBe('zcp/getting-started/install');
    expect(await paths.titlePath('zcp', IDS.install.replace(/-/g, '').toUpperCase())).toBe('zcp/getting-started/install');
    expect(await paths.titlePath('zcp', IDS.root)).toBe('zcp');
    expect(await paths.titlePath('zcp', IDS.missing)).toBeNull();
    expect(await paths.titlePath('apim', IDS.missing)).toBeNull(); // nothing cached: no crawl
    expect(await paths.titlePath('amdp', IDS.install)).toBeNull(); // not configured
    expect(emulator.stats().total).toBe(0);
  });
});

describe('without Notion', () => {
  let offline: ApiTestApp;

  beforeAll(async () => {
    offline = await startApiTestApp(testConfig('api-manuals', { SOLUTIONS: 'zcp', ZCP_ROOT_PAGE_ID: IDS.root }), { imports: [ManualsModule] });
  });

  afterAll(() => offline.close());

  it('answers 503 on a miss and serves what another process stored', async () => {
    const res = await fetch(`${offline.base}/manuals`, { headers: JANE });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual(problem('The manuals of zcp are not cached yet and Notion is not configured (set NOTION_TOKEN)'));
    const refresh = await fetch(`${offline.base}/manuals/refresh`, { method: 'POST', headers: as('pat', 'publisher') });
    expect(refresh.status).toBe(503);

    await new ManualsCacheStore({ redis: offline.redis, keyPrefix: offline.config.keyPrefix }).put('zcp', expected);
    const cached = await fetch(`${offline.base}/manuals`, { headers: JANE });
    expect(cached.status).toBe(200);
    expect(await cached.json()).toEqual({ items: expected });
  });
});
