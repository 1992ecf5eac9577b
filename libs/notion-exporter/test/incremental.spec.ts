import { Client } from '@notionhq/client';
import { builder as b, startNotionEmulator } from '@zmp-manual/notion-emulator';
import type { NotionEmulator, Workspace } from '@zmp-manual/notion-emulator';
import { exportTree } from '../src';
import type { ExportResult } from '../src';

// Incremental exports after the edits a manual goes through: a page renamed, deleted, added, moved.
// Each export must equal a full export of the same workspace, and cost no block call for pages that
// did not change.
const id = b.idFactory('incremental');
const IDS = { root: id('root'), a: id('a'), b: id('b'), c: id('c'), p: id('p'), q: id('q'), d: id('d'), host: id('host'), mirror: id('mirror'), synced: id('synced'), shared: id('shared') };
const LATER = Date.parse('2026-01-01T00:00:00Z');
const EDIT = '2025-12-01T10:00:00.000Z';

function workspace(): Workspace {
  const root = b.page(
    { title: 'Root', id: IDS.root },
    b.paragraph('See ', b.mention.page(IDS.c)),
    b.page({ title: 'Alpha', id: IDS.a }, b.paragraph('Alpha links to ', b.pageLink(IDS.c, 'gamma')), b.page({ title: 'Pages', id: IDS.p }, b.page({ title: 'Quiet', id: IDS.q }))),
    b.page({ title: 'Beta', id: IDS.b }, b.paragraph('Beta body')),
    b.page({ title: 'Gamma', id: IDS.c }, b.paragraph('Gamma body')),
    b.page({ title: 'Host', id: IDS.host }, b.synced({ id: IDS.synced }, b.withId(IDS.shared, b.paragraph('Shared v1')))),
    b.page({ title: 'Mirror', id: IDS.mirror }, b.paragraph('Mirror shows:'), b.syncedRef(IDS.synced)),
  );
  return b.buildWorkspace({ name: 'incremental', root, users: [b.person(id('user'), 'Jo', 'jo@example.com')] });
}

/** Moves a page under another parent, as Notion's API then shows it; `touch` lists the pages whose last_edited_time moves. */
function move(ws: Workspace, pageId: string, from: string, to: string, touch: string[]): void {
  ws.children[from] = ws.children[from].filter((c) => c !== pageId);
  ws.children[to] = [...(ws.children[to] ?? []), pageId];
  const parent = { type: 'page_id' as const, page_id: to };
  ws.pages[pageId].parent = parent;
  ws.blocks[pageId].parent = parent;
  for (const t of touch) ws.pages[t].last_edited_time = EDIT;
}

describe('incremental export after edits', () => {
  let emulator: NotionEmulator;
  let client: Client;
  let first: ExportResult;
  const run = (previous?: ExportResult) => exportTree({ client, rootPageId: IDS.root, rateLimit: false, previous: previous?.manifest, now: () => LATER });
  const shape = (r: ExportResult) => r.documents.map((d) => [d.relativePath, d.mdx]);
  const listed = () => emulator.stats().by_endpoint['GET /v1/blocks/{id}/children'] ?? 0;

  beforeEach(async () => {
    emulator = await startNotionEmulator({ workspace: workspace(), rateLimit: false });
    client = new Client({ auth: emulator.token, baseUrl: emulator.url, retry: false, logger: () => undefined });
    first = await run();
    emulator.resetStats();
  });
  afterEach(() => emulator.stop());

  it('renames: the page moves to its new slug and every link to it shows the new title, unchanged pages included', async () => {
    const ws = emulator.workspace;
    ws.pages[IDS.c].properties.title = { id: 'title', type: 'title', title: b.richText('Gamma Renamed') };
    ws.pages[IDS.c].last_edited_time = EDIT;
    const again = await run(first);
    expect(listed()).toBe(1);
    expect(again.tree.find((n) => n.id === IDS.c)?.relativePath).toBe('gamma-renamed.mdx');
    expect(again.documents.find((d) => d.pageId === IDS.root)?.mdx).toContain('See [Gamma Renamed](./gamma-renamed.mdx)');
    expect(again.documents.find((d) => d.pageId === IDS.a)?.mdx).toContain('[gamma](../gamma-renamed.mdx)');
    expect(shape(again)).toEqual(shape(await run()));
  });

  it("deletes: a page in the trash leaves the tree, and its parent's link to it goes, though the parent looked unchanged", async () => {
    emulator.workspace.pages[IDS.b].in_trash = true;
    const again = await run(first);
    expect(again.tree.map((n) => n.id)).not.toContain(IDS.b);
    // The parent's kept body still linked to it: the parent alone is listed again.
    expect(listed()).toBe(1);
    expect(again.documents.find((d) => d.pageId === IDS.root)?.mdx).not.toContain('Beta');
    expect(shape(again)).toEqual(shape(await run()));
  });

  it('adds: a new sub-page of an edited page is exported', async () => {
    const ws = emulator.workspace;
    ws.pages[IDS.d] = { ...ws.pages[IDS.b], id: IDS.d, parent: { type: 'page_id', page_id: IDS.c }, properties: { title: { id: 'title', type: 'title', title: b.richText('Delta') } } };
    ws.blocks[IDS.d] = { ...ws.blocks[IDS.b], id: IDS.d, parent: { type: 'page_id', page_id: IDS.c }, child_page: { title: 'Delta' } } as Workspace['blocks'][string];
    ws.children[IDS.c] = [...ws.children[IDS.c], IDS.d];
    ws.pages[IDS.c].last_edited_time = EDIT;
    const again = await run(first);
    expect(again.tree.find((n) => n.id === IDS.d)?.relativePath).toBe('gamma/delta.mdx');
    expect(again.tree.find((n) => n.id === IDS.c)?.relativePath).toBe('gamma/index.mdx');
    expect(shape(again)).toEqual(shape(await run()));
  });

  it('synced blocks: a page that shows a synced block gets its new content when the page holding it changed', async () => {
    const ws = emulator.workspace;
    const shared = ws.blocks[IDS.shared];
    if (shared.type !== 'paragraph') throw new Error('fixture: the synced block holds a paragraph');
    shared.paragraph.rich_text = b.richText('Shared v2');
    ws.pages[IDS.host].last_edited_time = EDIT;
    const again = await run(first);
    expect(again.documents.find((d) => d.pageId === IDS.mirror)?.mdx).toContain('Shared v2');
    // Host, its synced block (listed once for both pages), and Mirror.
    expect(listed()).toBe(3);
    expect(shape(again)).toEqual(shape(await run()));
  });

  it.each([
    ['only the old parent', [IDS.a]],
    ['neither parent', []],
    ['both parents', [IDS.a, IDS.b]],
  ])('moves: a sub-tree moved to another page follows it when %s changed', async (_label, touched) => {
    move(emulator.workspace, IDS.p, IDS.a, IDS.b, touched);
    const again = await run(first);
    expect(again.tree.filter((n) => [IDS.p, IDS.q].includes(n.id)).map((n) => n.relativePath)).toEqual(['beta/pages/index.mdx', 'beta/pages/quiet.mdx']);
    // Only the two parents are listed again (the moved pages did not change).
    expect(listed()).toBe(2);
    expect(shape(again)).toEqual(shape(await run()));
  });
});
