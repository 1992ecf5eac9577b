import type { PageObjectResponse } from '@notionhq/client';
import { notionUrl } from '../api/page-id';
import { isDatabaseRow, pageTitle, parentPageId } from '../crawl/page-properties';
import type { CrawledPage } from '../crawl/tree-crawler';
import type { ManualNode } from '../types';
import { slugify, uniqueSlug } from './slug';

export interface TreeUser {
  name: string | null;
  avatarUrl: string | null;
}

/**
 * The manual tree, flat in pre-order, from the crawled pages. A page is placed under the first parent (in
 * pre-order) that lists it and that Notion agrees is its parent, so a page moved away or repeated through
 * a synced block appears once.
 */
export function buildManualTree(rootId: string, pages: Map<string, CrawledPage>, user: (id: string) => TreeUser): ManualNode[] {
  const nodes: ManualNode[] = [];
  const placed = new Set<string>();

  const childPages = (crawled: CrawledPage): PageObjectResponse[] => {
    const result: PageObjectResponse[] = [];
    for (const entry of crawled.children) {
      if (entry.type === 'database') {
        result.push(...(crawled.rows.get(entry.id) ?? []));
        continue;
      }
      const child = pages.get(entry.id)?.page;
      const parent = child ? parentPageId(child) : undefined;
      if (child && (parent === undefined || parent === crawled.id)) result.push(child);
    }
    return result.filter((p) => pages.has(p.id) && !placed.has(p.id));
  };

  const visit = (crawled: CrawledPage, parent: ManualNode | null, index: number, slug: string): void => {
    placed.add(crawled.id);
    const { page } = crawled;
    const title = pageTitle(page);
    const slugPath = parent ? [...parent.slugPath, slug] : [];
    const editor = user(page.last_edited_by.id);
    const node: ManualNode = {
      id: page.id,
      title,
      slug,
      slugPath,
      relativePath: '',
      parentId: parent?.id ?? null,
      index,
      isDirectory: false,
      kind: isDatabaseRow(page) ? 'database_row' : 'page',
      notionUrl: page.url || notionUrl(page.id),
      lastEditedTime: page.last_edited_time ?? null,
      lastEditedBy: editor.name,
      lastEditorAvatarUrl: editor.avatarUrl,
    };
    nodes.push(node);
    const children = childPages(crawled);
    children.forEach((c) => placed.add(c.id));
    node.isDirectory = children.length > 0;
    node.relativePath = parent === null ? 'index.mdx' : node.isDirectory ? `${slugPath.join('/')}/index.mdx` : `${slugPath.join('/')}.mdx`;
    const slugs = siblingSlugs(children, slug);
    children.forEach((child, i) => visit(pages.get(child.id) as CrawledPage, node, i + 1, slugs.get(child.id) as string));
  };

  const root = pages.get(rootId);
  if (root) visit(root, null, 1, slugify(pageTitle(root.page), root.id));
  return nodes;
}

/**
 * Unique slugs for a page's children. When titles collide the oldest page (created first, then lowest id)
 * keeps the plain slug, so a sibling added later, or a change of order in Notion, never moves an existing
 * page's URL. A directory's own index doc takes its slug as id: keep it (and `index`) away from the children.
 */
function siblingSlugs(children: PageObjectResponse[], parentSlug: string): Map<string, string> {
  const taken = new Set<string>(['index', parentSlug]);
  const byAge = [...children].sort((a, b) => a.created_time.localeCompare(b.created_time) || a.id.localeCompare(b.id));
  return new Map(byAge.map((child) => [child.id, uniqueSlug(slugify(pageTitle(child), child.id), child.id, taken)]));
}
