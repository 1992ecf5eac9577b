import type { PageObjectResponse } from '@notionhq/client';
import type { CrawledPage } from '../crawl/tree-crawler';
import { buildManualTree } from './manual-tree';

const ROOT = 'aaaaaaaa-0000-4000-8000-000000000000';
const OLD = 'cccccccc-0000-4000-8000-000000000001';
const NEW = 'bbbbbbbb-0000-4000-8000-000000000002';

function crawled(id: string, title: string, created: string, children: string[] = [], parent = ROOT): CrawledPage {
  const page = {
    object: 'page',
    id,
    created_time: created,
    last_edited_time: created,
    last_edited_by: { object: 'user', id: 'u' },
    parent: id === ROOT ? { type: 'workspace', workspace: true } : { type: 'page_id', page_id: parent },
    properties: { title: { id: 'title', type: 'title', title: [{ plain_text: title }] } },
    url: `https://www.notion.so/${id.replace(/-/g, '')}`,
  } as unknown as PageObjectResponse;
  return { id, page, children: children.map((c) => ({ type: 'page', id: c })), rows: new Map(), synced: [] };
}

function tree(order: string[]) {
  const pages = new Map<string, CrawledPage>([
    [ROOT, crawled(ROOT, 'Root', '2025-01-01T00:00:00.000Z', order)],
    [OLD, crawled(OLD, 'Setup', '2025-01-02T00:00:00.000Z')],
    [NEW, crawled(NEW, 'Setup', '2025-02-01T00:00:00.000Z')],
  ]);
  return buildManualTree(ROOT, pages, () => ({ name: 'Jane', avatarUrl: null }));
}

describe('buildManualTree', () => {
  it('gives the plain slug to the older of two same-titled siblings, whatever their order in Notion', () => {
    const slugs = (order: string[]) => Object.fromEntries(tree(order).map((n) => [n.id, n.slug]));
    expect(slugs([NEW, OLD])).toEqual({ [ROOT]: 'root', [OLD]: 'setup', [NEW]: 'setup-bbbbbb' });
    expect(slugs([OLD, NEW])).toEqual(slugs([NEW, OLD]));
  });

  it('keeps the sibling index in Notion order and lays the files out as the contract says', () => {
    expect(tree([NEW, OLD]).map((n) => [n.relativePath, n.index, n.isDirectory, n.parentId])).toEqual([
      ['index.mdx', 1, true, null],
      ['setup-bbbbbb.mdx', 1, false, ROOT],
      ['setup.mdx', 2, false, ROOT],
    ]);
  });
});
