import { normalizePageId } from '../api/page-id';
import { pageTitle } from '../crawl/page-properties';
import { TreeCrawler } from '../crawl/tree-crawler';
import { UserDirectory } from '../crawl/user-directory';
import { checkManifest } from '../manifest/export-manifest';
import { buildManualTree } from '../tree/manual-tree';
import type { CrawlTreeOptions, ManualNode } from '../types';
import { openGateway } from './notion-session';

/**
 * The manual tree under `rootPageId` (the data behind `GET /manuals`), flat in pre-order, without
 * converting anything. With `previous`, unchanged pages cost one `pages.retrieve` and no block calls.
 */
export async function crawlTree(options: CrawlTreeOptions): Promise<ManualNode[]> {
  const now = options.now ?? Date.now;
  const rootPageId = normalizePageId(options.rootPageId);
  const gateway = openGateway(options, now);
  const previous = options.previous ? checkManifest(options.previous) : undefined;
  const usable = previous?.rootPageId === rootPageId ? previous : undefined;
  const crawler = new TreeCrawler({
    gateway,
    rootPageId,
    previous: usable,
    reuseBodies: usable !== undefined,
    concurrency: options.concurrency ?? 4,
    descend: true,
    warn: () => undefined,
    onPage: (crawled, counts) =>
      options.onProgress?.({ phase: 'crawl', pageId: crawled.id, title: pageTitle(crawled.page), pagesDone: counts.done, pagesKnown: counts.known, reused: crawled.previous !== undefined }),
  });
  await crawler.crawl();
  const users = new UserDirectory(gateway, usable?.users);
  await Promise.all([...new Set([...crawler.pages.values()].map((p) => p.page.last_edited_by.id))].sort().map((id) => users.resolve(id)));
  return buildManualTree(rootPageId, crawler.pages, (id) => users.get(id));
}
