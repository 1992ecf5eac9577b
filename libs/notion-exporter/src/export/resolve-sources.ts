import type { Root } from 'mdast';
import type { DownloadedAsset } from '../assets/asset-downloader';
import { PAGE_URL } from '../convert/symbolic-urls';
import type { CrawledPage } from '../crawl/tree-crawler';
import type { UserDirectory } from '../crawl/user-directory';
import { headingAnchors, linkedBlocks } from '../render/heading-anchors';
import type { DatabaseInfo } from '../render/database-table';
import type { ResolveSources } from '../render/reference-resolver';
import type { ManualNode } from '../types';

export interface SourcesInput {
  tree: ManualNode[];
  pages: Map<string, CrawledPage>;
  downloaded: Map<string, DownloadedAsset>;
  users: UserDirectory;
  assetUrlPrefix: string;
}

/** The stored (symbolic) body of a crawled page: converted in this run, or kept from the manifest. */
export function bodyOf(crawled: CrawledPage): Root | undefined {
  return crawled.converted?.body ?? crawled.previous?.body;
}

/** What rendering needs to know about the whole export: where each page, database and file ended up. */
export function resolveSources({ tree, pages, downloaded, users, assetUrlPrefix }: SourcesInput): ResolveSources {
  const nodes = new Map(tree.map((n) => [n.id, n]));
  const databases = new Map<string, DatabaseInfo>();
  const bodies = new Map<string, Root>();
  for (const node of tree) {
    const crawled = pages.get(node.id) as CrawledPage;
    const body = bodyOf(crawled);
    if (body) bodies.set(node.id, body);
    for (const entry of crawled.children) {
      if (entry.type === 'database') databases.set(entry.id, { title: entry.title, hostPageId: node.id, rows: crawled.rows.get(entry.id) ?? [] });
    }
  }
  const prefix = assetUrlPrefix.replace(/\/+$/, '');
  const mentionTitle = (url: string) => (url.startsWith(PAGE_URL) ? nodes.get(url.slice(PAGE_URL.length).split('#')[0])?.title : undefined);
  const anchors = new Map<string, Map<string, string>>();
  return {
    page: (id) => nodes.get(id),
    database: (id) => databases.get(id),
    asset: (key) => {
      const d = downloaded.get(key);
      return d ? { url: `${prefix}/${d.fileName}`, fileName: d.fileName } : undefined;
    },
    userName: (id) => users.get(id).name,
    anchors: (pageId) => {
      let known = anchors.get(pageId);
      if (!known) {
        const body = bodies.get(pageId);
        known = body ? headingAnchors(body, mentionTitle) : new Map<string, string>();
        anchors.set(pageId, known);
      }
      return known;
    },
    linkedBlocks: linkedBlocks(bodies.values()),
  };
}
