import { Client } from '@notionhq/client';
import { builder as b, startNotionEmulator } from '@zmp-manual/notion-emulator';
import type { NotionEmulator } from '@zmp-manual/notion-emulator';
import { exportTree } from '../src';
import type { ExportResult } from '../src';
import { compileMdx } from './support/mdx-compile';

// Links between pages: relative file links from any depth (a directory's index.mdx included), anchors
// of linked headings, peek-mode links, database rows, and Notion URLs for pages outside the tree.
const id = b.idFactory('links');
const IDS = {
  root: id('root'),
  guide: id('guide'),
  config: id('config'),
  ports2: id('ports-2'),
  setup: id('setup'),
  db: id('db'),
  row: id('row'),
  outside: id('outside'),
  outsideBlock: id('outside-block'),
};
const hex = b.compactId;

function workspace() {
  const config = b.page(
    { title: 'Config', id: IDS.config },
    b.h2('Ports'),
    b.paragraph('Back to the ', b.pageLink(IDS.root, 'manual'), ' or the ', b.pageLink(IDS.guide, 'guide'), '.'),
    b.withId(IDS.ports2, b.h2('Ports')),
    b.withId(IDS.setup, b.h3(['Setup with ', b.mention.page(IDS.guide)])),
  );
  const guide = b.page(
    { title: 'Guide', id: IDS.guide },
    b.paragraph(b.link(`https://www.notion.so/Config-${hex(IDS.config)}#${hex(IDS.setup)}`, 'setup')),
    b.database({ title: 'Runbooks', id: IDS.db, properties: [b.prop.title('Name')] }, b.row({ title: 'Restart', id: IDS.row }, {}, b.paragraph('See ', b.pageLink(IDS.config, 'config')))),
    config,
  );
  const root = b.page(
    { title: 'Links', id: IDS.root },
    b.paragraph(b.link(`https://www.notion.so/Config-${hex(IDS.config)}#${hex(IDS.ports2)}`, 'second ports')),
    b.paragraph(b.link(`https://www.notion.so/${hex(IDS.db)}?v=${hex(id('view'))}&p=${hex(IDS.row)}&pm=s`, 'peek')),
    b.paragraph(b.link(`https://myteam.notion.site/Elsewhere-${hex(IDS.outside)}#${hex(IDS.outsideBlock)}`, 'elsewhere')),
    b.paragraph(b.mention.page(IDS.outside, 'Outside')),
    b.linkToPage(IDS.config),
    guide,
  );
  return b.buildWorkspace({ name: 'links', root, users: [b.person(id('user'), 'Jo', 'jo@example.com')] });
}

describe('links between pages', () => {
  let emulator: NotionEmulator;
  let result: ExportResult;
  const mdx = (pageId: string) => result.documents.find((d) => d.pageId === pageId)!.mdx;

  beforeAll(async () => {
    emulator = await startNotionEmulator({ workspace: workspace(), rateLimit: false });
    const client = new Client({ auth: emulator.token, baseUrl: emulator.url, retry: false, logger: () => undefined });
    result = await exportTree({ client, rootPageId: IDS.root, rateLimit: false });
  });
  afterAll(() => emulator.stop());

  it('lays out the tree as expected', () => {
    expect(result.tree.map((n) => n.relativePath)).toEqual(['index.mdx', 'guide/index.mdx', 'guide/restart.mdx', 'guide/config.mdx']);
  });

  it('writes relative file links, with the anchor of a linked heading (numbered like Docusaurus)', () => {
    expect(mdx(IDS.root)).toContain('[second ports](./guide/config.mdx#ports-1)');
    expect(mdx(IDS.root)).toContain('[Config](./guide/config.mdx)');
    expect(mdx(IDS.guide)).toContain('[setup](./config.mdx#setup-with-guide)');
    expect(mdx(IDS.config)).toContain('[manual](../index.mdx)');
    expect(mdx(IDS.config)).toContain('[guide](./index.mdx)');
    expect(mdx(IDS.row)).toContain('[config](./config.mdx)');
  });

  it('pins the linked headings to their anchor, and only them', () => {
    expect(mdx(IDS.config)).toContain('\n### Ports\n');
    expect(mdx(IDS.config)).toContain('\n### Ports {/* #ports-1 */}\n');
    expect(mdx(IDS.config)).toContain('\n#### Setup with [Guide](./index.mdx) {/* #setup-with-guide */}\n');
  });

  it('follows a peek-mode link to the row it opens', () => {
    expect(mdx(IDS.root)).toContain('[peek](./guide/restart.mdx)');
  });

  it('keeps pages outside the tree on Notion, with their block anchor', () => {
    expect(mdx(IDS.root)).toContain(`[elsewhere](https://www.notion.so/${hex(IDS.outside)}#${hex(IDS.outsideBlock)})`);
    expect(mdx(IDS.root)).toContain(`[Outside](https://www.notion.so/${hex(IDS.outside)})`);
  });

  it('compiles every document', async () => {
    for (const doc of result.documents) await expect(compileMdx(doc.mdx).then(() => doc.pageId)).resolves.toBe(doc.pageId);
  });
});
