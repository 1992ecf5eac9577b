import { DEMO_IDS } from '@zmp-manual/notion-emulator';
import { crawlTree, exportPage, exportTree } from '../src';
import type { ExportResult } from '../src';
import { childrenCalls, startDemo } from './support/demo-emulator';
import type { DemoSetup } from './support/demo-emulator';

// What the exporter costs in Notion API calls, read from the emulator's counters and from the
// requests the client actually sent.
const LATER = Date.parse('2026-01-01T00:00:00Z');

describe('Notion API use', () => {
  let demo: DemoSetup;
  let full: ExportResult;

  beforeAll(async () => {
    demo = await startDemo();
    full = await exportTree({ client: demo.client, rootPageId: demo.emulator.workspace.rootPageId, rateLimit: false, now: () => LATER });
  });
  afterAll(() => demo.emulator.stop());

  it('fetches every block listing once: no duplicate request at all', () => {
    const duplicates = demo.requests.filter((r, i) => demo.requests.indexOf(r) !== i);
    expect(duplicates).toEqual([]);
    // Pagination to the end: the 121 blocks of "Error Codes" take two listings.
    const errorCodes = demo.requests.filter((r) => r.includes(`/v1/blocks/${full.tree.find((n) => n.title === 'Error Codes')!.id}/children`));
    expect(errorCodes).toHaveLength(2);
    expect(full.documents.find((d) => d.title === 'Error Codes')!.mdx).toContain('ZCP-1413');
  });

  it('never lists the blocks of a sub-page from its parent, and reads each user once', () => {
    const stats = demo.emulator.stats();
    expect(stats.by_endpoint['GET /v1/users/{id}']).toBe(new Set(demo.requests.filter((r) => r.includes('/v1/users/'))).size);
    // 34 pages: 30 retrieved (4 rows come with the query), 1 database, 1 query.
    expect(stats.by_endpoint['GET /v1/pages/{id}']).toBe(30);
    expect(full.stats.apiCallsTotal).toBe(stats.total);
  });

  it('re-exports an unchanged workspace with no block calls and the same bytes', async () => {
    demo.emulator.resetStats();
    const again = await exportTree({ client: demo.client, rootPageId: demo.emulator.workspace.rootPageId, rateLimit: false, previous: JSON.parse(JSON.stringify(full.manifest)), now: () => LATER + 60_000 });
    expect(childrenCalls(demo.emulator)).toBe(0);
    expect(demo.emulator.stats().by_endpoint['GET /v1/users/{id}']).toBeUndefined();
    expect(again.stats.pagesReused).toBe(34);
    expect(again.documents.map((d) => d.mdx)).toEqual(full.documents.map((d) => d.mdx));
    expect(again.tree).toEqual(full.tree);
    // Assets are re-used without a download: listed, without bytes.
    expect(demo.emulator.stats().file_downloads).toBe(0);
    expect(again.assets.map((a) => a.fileName)).toEqual(full.assets.map((a) => a.fileName));
    expect(again.assets.every((a) => a.data === undefined)).toBe(true);
  });

  it('re-fetches only the page that changed, and renders its new content', async () => {
    const ws = demo.emulator.workspace;
    const page = full.tree.find((n) => n.title === 'Rollbacks')!;
    const firstBlock = ws.blocks[ws.children[page.id][0]];
    if (firstBlock.type !== 'paragraph') throw new Error('fixture changed: Rollbacks starts with a paragraph');
    const originalText = firstBlock.paragraph.rich_text[0];
    firstBlock.paragraph.rich_text = [{ ...originalText, plain_text: 'Roll back to any kept revision (edited).', text: { content: 'Roll back to any kept revision (edited).', link: null } } as typeof originalText];
    const originalTime = ws.pages[page.id].last_edited_time;
    ws.pages[page.id].last_edited_time = '2025-12-31T10:00:00.000Z';
    try {
      demo.emulator.resetStats();
      const before = demo.requests.length;
      const again = await exportTree({ client: demo.client, rootPageId: ws.rootPageId, rateLimit: false, previous: full.manifest, now: () => LATER });
      const listings = demo.requests.slice(before).filter((r) => r.includes('/children'));
      expect(listings).toEqual([expect.stringContaining(`/v1/blocks/${page.id}/children`)]);
      expect(again.stats.pagesReused).toBe(33);
      const doc = again.documents.find((d) => d.pageId === page.id)!;
      expect(doc.mdx).toContain('Roll back to any kept revision (edited).');
      expect(doc.frontMatter.last_update?.date).toBe('2025-12-31T10:00:00.000Z');
    } finally {
      firstBlock.paragraph.rich_text = [originalText];
      ws.pages[page.id].last_edited_time = originalTime;
    }
  });

  it('treats a page as changed when the previous export ran within its last_edited_time minute', async () => {
    // The previous export ran 30 s into the minute of the latest edit: an edit later in that minute
    // would carry the same last_edited_time, so the pages edited in that minute must be fetched again.
    const latest = Math.max(...full.tree.map((n) => Date.parse(n.lastEditedTime!)));
    const inThatMinute = full.tree.filter((n) => Date.parse(n.lastEditedTime!) === latest);
    const sameMinute = { ...full.manifest, exportedAt: new Date(latest + 30_000).toISOString() };
    demo.emulator.resetStats();
    const again = await exportTree({ client: demo.client, rootPageId: demo.emulator.workspace.rootPageId, rateLimit: false, previous: sameMinute, now: () => LATER });
    expect(inThatMinute.length).toBeGreaterThan(0);
    expect(again.stats.pagesConverted).toBe(inThatMinute.length);
    expect(childrenCalls(demo.emulator)).toBeGreaterThanOrEqual(inThatMinute.length);
    // A minute later the same manifest is trusted for every page.
    demo.emulator.resetStats();
    const later = { ...full.manifest, exportedAt: new Date(latest + 60_000).toISOString() };
    await exportTree({ client: demo.client, rootPageId: demo.emulator.workspace.rootPageId, rateLimit: false, previous: later, now: () => LATER });
    expect(childrenCalls(demo.emulator)).toBe(0);
  });

  it('re-converts every page after a converter or settings change, without downloading a known file again', async () => {
    demo.emulator.resetStats();
    const upgraded = { ...full.manifest, conversion: 'an older converter' };
    const again = await exportTree({ client: demo.client, rootPageId: demo.emulator.workspace.rootPageId, rateLimit: false, previous: upgraded, now: () => LATER });
    expect(again.stats.pagesConverted).toBe(34);
    expect(demo.emulator.stats().file_downloads).toBe(0);
    expect(demo.emulator.stats().by_endpoint['GET /v1/users/{id}']).toBeUndefined();
    expect(again.documents.map((d) => d.mdx)).toEqual(full.documents.map((d) => d.mdx));
  });

  it('crawls the tree alone, with the same nodes as the export', async () => {
    const tree = await crawlTree({ client: demo.client, rootPageId: demo.emulator.workspace.rootPageId, rateLimit: false });
    expect(tree).toEqual(full.tree);
    expect(tree.filter((n) => n.kind === 'database_row').map((n) => n.title)).toEqual(['3.2.0', '3.1.0', '3.1.0-beta.1', '3.0.0']);
  });

  it('exports one page on its own, links to its sub-pages pointing at Notion, with the callout mapping given', async () => {
    const before = demo.requests.length;
    const { document, stats } = await exportPage({
      client: demo.client,
      pageId: DEMO_IDS.installation,
      rateLimit: false,
      callouts: { byColor: { red_background: 'caution' } },
    });
    expect(document).toMatchObject({ relativePath: 'installation.mdx', slugPath: ['installation'], title: 'Installation', isDirectory: false });
    expect(document.mdx).toContain('[Install on Kubernetes](https://www.notion.so/');
    expect(document.mdx).toContain(':::caution\nNever run the installer');
    // Only this page's own blocks were listed (its two sub-pages were not opened).
    const listed = demo.requests.slice(before).filter((r) => r.includes('/children'));
    const subPages = full.tree.filter((n) => n.parentId === DEMO_IDS.installation).map((n) => n.id);
    expect(listed.some((r) => subPages.some((id) => r.includes(id)))).toBe(false);
    expect(stats.pages).toBe(1);
  });
});
