import { getQueueToken } from '@nestjs/bull';
import type { ManualsCacheStore, Notification, NotionRefreshPayload } from '@zmp-manual/job-events';
import type { NotionEmulator } from '@zmp-manual/notion-emulator';
import { builder as b, startNotionEmulator } from '@zmp-manual/notion-emulator';
import type { ManualsItem } from '@zmp-manual/notion-exporter';
import { loadSettings } from '@zmp-manual/publish-pipeline';
import type { Queue } from 'bull';
import { MAINTENANCE_QUEUE } from '../worker.tokens';
import { MaintenanceModule } from './maintenance.module';
import { MANUALS_CACHE } from './maintenance.tokens';
import { scheduleNotionRefresh } from '@zmp-manual/queue-contract';
import { NotionRefreshService } from './notion-refresh.service';
import { settingsTreeSource } from './settings-tree-source';
import type { SideServicesApp } from './testing/side-services.testing';
import { deleteKeys, eventually, startSideServices } from './testing/side-services.testing';

const id = b.idFactory('refresh');
const IDS = { root: id('root'), start: id('start'), install: id('install'), reference: id('reference'), user: id('user') };
const WRONG_TOKEN = 'secret_wrong_token_4b1d';
const ENV = { NOTION_RATE_LIMIT: '0', SOLUTIONS: 'zcp,apim', ZCP_ROOT_PAGE_ID: IDS.root };

function workspace() {
  const root = b.page(
    { title: 'ZCP', id: IDS.root },
    b.page({ title: 'Getting Started', id: IDS.start }, b.page({ title: 'Install', id: IDS.install }, b.paragraph('npm i'))),
    b.page({ title: 'Reference', id: IDS.reference }, b.paragraph('All the flags')),
  );
  return b.buildWorkspace({ name: 'refresh', root, users: [b.person(IDS.user, 'Jane Doe', 'jane@example.com')] });
}

let emulator: NotionEmulator;
let side: SideServicesApp;
let queue: Queue;
let cache: ManualsCacheStore<ManualsItem>;

beforeAll(async () => {
  emulator = await startNotionEmulator({ workspace: workspace(), rateLimit: false });
  // The real wiring: the pipeline settings in the worker config, from an environment like the worker's.
  const pipeline = loadSettings({ ...ENV, NOTION_BASE_URL: emulator.url, NOTION_TOKEN: emulator.token });
  side = await startSideServices({ imports: [MaintenanceModule.register()], config: { pipeline } });
  queue = side.app.get<Queue>(getQueueToken(MAINTENANCE_QUEUE));
  cache = side.app.get(MANUALS_CACHE);
});

afterAll(async () => {
  await side.close();
  await emulator.stop();
  await deleteKeys(side.config.keyPrefix);
});

let events = 0;
const event = (solution: string, pageId: string, eventType = 'page.content_updated'): NotionRefreshPayload => ({
  version: 1,
  solution,
  page_id: pageId,
  event_type: eventType,
  event_id: `evt-${++events}`,
  received_at: new Date().toISOString(),
});

const refreshJobs = async () => (await queue.getJobs(['delayed', 'waiting', 'active'])).filter((j) => j.name === 'notion-refresh');
/**
 * The system-wide notifications that came after the first `after`, once there are `count` of them. Ordered by
 * title — "Manuals Updated" before "Document Updated", as a refresh sends them: two notifications created in
 * the same millisecond are listed in no particular order.
 */
const TITLE_ORDER = ['Manuals Updated', 'Document Updated', 'Update Failed'];
const titleRank = (n: Notification) => TITLE_ORDER.findIndex((suffix) => n.title.endsWith(suffix));
const systemNotifications = (after: number, count: number) =>
  eventually(async () => {
    const all = (await side.notifications.list('anyone', { limit: 1000, includeRead: true })).reverse();
    return all.length >= after + count ? all.slice(after).sort((a, b) => titleRank(a) - titleRank(b)) : undefined;
  }, `${count} notifications`);
const pick = (n: Notification) => ({ status: n.status, title: n.title, message: n.message, user_id: n.user_id, solution: n.solution, notification_type: n.notification_type });

describe('webhook-triggered manuals refresh', () => {
  it('debounces per page: a later event replaces the pending refresh and restarts its window; other pages are independent', async () => {
    const debounceMs = 600_000; // nothing runs on its own during the test
    const first = await scheduleNotionRefresh(queue, event('zcp', IDS.install), debounceMs);
    await scheduleNotionRefresh(queue, event('zcp', IDS.install.replace(/-/g, '').toUpperCase()), debounceMs);
    const beforeLast = Date.now();
    const last = await scheduleNotionRefresh(queue, event('zcp', IDS.install, 'page.properties_updated'), debounceMs);
    const other = await scheduleNotionRefresh(queue, event('zcp', IDS.reference), debounceMs);

    const pending = await refreshJobs();
    expect(pending.map((j) => j.id).sort()).toEqual([last.id, other.id].sort());
    expect(await queue.getJob(first.id)).toBeNull();
    const kept = pending.find((j) => j.id === last.id)!;
    expect(kept.data).toMatchObject({ page_id: IDS.install, event_type: 'page.properties_updated' });
    expect(await kept.getState()).toBe('delayed');
    expect(kept.timestamp).toBeGreaterThanOrEqual(beforeLast);
    expect(kept.opts.delay).toBe(debounceMs);

    // Nothing has been refreshed yet.
    expect(await cache.get('zcp')).toBeNull();
    for (const job of pending) await job.remove();
  });

  it('crawls the tree when the window ends, stores the manuals cache and tells everyone', async () => {
    const seen = (await side.notifications.list('anyone', { limit: 1000 })).length;
    await scheduleNotionRefresh(queue, event('zcp', IDS.install), 0);
    const entry = await eventually(() => cache.get('zcp'), 'the manuals cache');
    expect(entry.items.map((i) => [i.title, i.is_directory, i.parent_id, i.index])).toEqual([
      ['zcp', true, null, 1],
      ['getting-started', true, IDS.root, 1],
      ['install', false, IDS.start, 1],
      ['reference', false, IDS.root, 2],
    ]);
    const install = entry.items[2];
    expect(install).toMatchObject({ object_id: IDS.install, last_edited_by: 'Jane Doe', last_edited_time: expect.stringMatching(/\+00:00$/) });

    const [manualsUpdated, documentUpdated] = await systemNotifications(seen, 2);
    expect(pick(manualsUpdated)).toEqual({ status: 'info', title: 'ZCP Manuals Updated', message: 'The ZCP manuals were refreshed from Notion (4 pages).', user_id: null, solution: 'zcp', notification_type: 'document_update' });
    expect(manualsUpdated.node).toEqual({ ...install });
    expect(pick(documentUpdated)).toEqual({ status: 'info', title: 'ZCP Document Updated', message: 'zcp/getting-started/install page is updated', user_id: null, solution: 'zcp', notification_type: 'document_update' });
    expect(documentUpdated.node).toEqual({ notion_page_id: IDS.install, parent_id: IDS.start, last_edited_by: 'Jane Doe', last_edited_time: install.last_edited_time });
  });

  it('runs once for two events of one page within the window: one cache write, one pair of notifications', async () => {
    const seen = (await side.notifications.list('anyone', { limit: 1000, includeRead: true })).length;
    const before = (await cache.get('zcp'))!.updated_at;
    const announced = () => side.redis.xlen(`${side.config.keyPrefix}manuals`);
    const announcedBefore = await announced();
    await scheduleNotionRefresh(queue, event('zcp', IDS.reference), 1_500);
    await scheduleNotionRefresh(queue, event('zcp', IDS.reference, 'page.properties_updated'), 1_500);
    await eventually(async () => (await cache.get('zcp'))!.updated_at !== before, 'the refreshed cache');
    await eventually(async () => (await refreshJobs()).length === 0, 'no refresh left to run');
    expect(await announced()).toBe(announcedBefore + 1);
    const fresh = await systemNotifications(seen, 2);
    expect(fresh.map((n) => [n.title, n.message])).toEqual([
      ['ZCP Manuals Updated', 'The ZCP manuals were refreshed from Notion (4 pages).'],
      ['ZCP Document Updated', 'zcp/reference page is updated'],
    ]);
  });

  it('drops a deleted page from the cache and says the document was updated via webhook', async () => {
    const seen = (await side.notifications.list('anyone', { limit: 1000 })).length;
    const before = (await cache.get('zcp'))!.updated_at;
    const ws = emulator.workspace;
    ws.blocks[IDS.install] = { ...ws.blocks[IDS.install], in_trash: true } as (typeof ws.blocks)[string];
    ws.pages[IDS.install] = { ...ws.pages[IDS.install], in_trash: true };
    await scheduleNotionRefresh(queue, event('zcp', IDS.install, 'page.deleted'), 0);
    const entry = await eventually(async () => {
      const current = await cache.get('zcp');
      return current && current.updated_at !== before ? current : undefined;
    }, 'the refreshed cache');
    expect(entry.items.map((i) => i.title)).toEqual(['zcp', 'getting-started', 'reference']);
    const [manualsUpdated, documentUpdated] = await systemNotifications(seen, 2);
    expect(manualsUpdated).toMatchObject({ title: 'ZCP Manuals Updated', node: null });
    expect(documentUpdated).toMatchObject({ title: 'ZCP Document Updated', message: `Document ${IDS.install} was updated via webhook.`, node: { notion_page_id: IDS.install, parent_id: null } });
  });

  it('sends "{SOL} Update Failed" once, after the last attempt, and leaves the cache alone', async () => {
    const seen = (await side.notifications.list('anyone', { limit: 1000 })).length;
    await scheduleNotionRefresh(queue, event('apim', IDS.reference), 0, { attempts: 2, backoffMs: 10 });
    await eventually(async () => (await queue.getFailed()).some((j) => j.data.solution === 'apim' && j.attemptsMade === 2), 'the refresh to give up');
    const [failed] = await systemNotifications(seen, 1);
    expect(pick(failed)).toEqual({
      status: 'error',
      title: 'APIM Update Failed',
      message: `Updating the APIM manuals after a change of page ${IDS.reference} failed: solution apim is not configured (no APIM_ROOT_PAGE_ID)`,
      user_id: null,
      solution: 'apim',
      notification_type: 'document_update',
    });
    expect((await side.notifications.list('anyone', { limit: 1000 })).filter((n) => n.title === 'APIM Update Failed')).toHaveLength(1);
    expect(await cache.get('apim')).toBeNull();
  });

  it('keeps the Notion token out of the failure it reports when Notion refuses it', async () => {
    const seen = (await side.notifications.list('anyone', { limit: 1000 })).length;
    const refused = settingsTreeSource(loadSettings({ ...ENV, NOTION_BASE_URL: emulator.url, NOTION_TOKEN: WRONG_TOKEN }), { logger: () => undefined });
    const service = new NotionRefreshService(refused, cache, side.notifications);
    await expect(service.refresh(event('zcp', IDS.reference), { lastAttempt: true })).rejects.toMatchObject({ code: 'unauthorized' });
    const [failed] = await systemNotifications(seen, 1);
    expect(failed).toMatchObject({ status: 'error', title: 'ZCP Update Failed' });
    expect(failed.message).toContain('API token is invalid');
    expect(JSON.stringify(failed)).not.toContain(WRONG_TOKEN);
  });
});
