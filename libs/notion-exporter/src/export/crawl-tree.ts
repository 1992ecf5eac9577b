import { normalizePageId } from '../api/page-id';
import { crawlProgress, TreeCrawler } from '../crawl/tree-crawler';
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
    onPage: crawlProgress(options.onProgress),
  });
  await crawler.crawl();
  const users = new UserDirectory(gateway, usable?.users);
  await users.resolveAll([...crawler.pages.values()].map((crawled) => crawled.page.last_edited_by.id));
  return buildManualTree(rootPageId, crawler.pages, (id) => users.get(id));
}
