import type { PageObjectResponse } from '@notionhq/client';
import type { NotionGateway } from '../api/notion-gateway';
import { NotionExportError } from '../errors/export-error';
import type { AssetRef, ChildEntry, ExportManifest, ManifestPage } from '../manifest/export-manifest';
import { isUnchanged } from '../manifest/export-manifest';
import type { ExportProgress, ExportWarning } from '../types';
import type { BlockNode } from './block-node';
import { BlockTreeFetcher } from './block-tree.fetcher';
import { childEntries, syncedOriginals } from './child-entries';
import { pageTitle } from './page-properties';
import { Semaphore } from './semaphore';
import { TreeReconciler } from './tree-reconciler';
import type { Root } from 'mdast';

/** A page converted from freshly fetched blocks, links and assets still symbolic. */
export interface ConvertedPage {
  body: Root;
  assets: AssetRef[];
  assetUrls: Record<string, string>;
  warnings: ExportWarning[];
}

export interface CrawledPage {
  id: string;
  page: PageObjectResponse;
  /** Sub-pages and databases in Notion order. */
  children: ChildEntry[];
  /** Current row pages of each database on the page, in query order. */
  rows: Map<string, PageObjectResponse[]>;
  /** Original block ids of the synced blocks the page shows. */
  synced: string[];
  /** Kept from the previous manifest: no block was fetched. */
  previous?: ManifestPage;
  converted?: ConvertedPage;
}

export interface CrawlerOptions {
  gateway: NotionGateway;
  rootPageId: string;
  previous?: ExportManifest;
  /** Whether the previous manifest's bodies can be reused (same conversion settings). */
  reuseBodies: boolean;
  concurrency: number;
  /** false: the root page only (its databases' rows are still read, for their table). */
  descend: boolean;
  /** Converts a page's fetched blocks; without it the crawl only discovers the tree. */
  convert?: (page: PageObjectResponse, blocks: BlockNode[]) => ConvertedPage;
  warn: (warning: ExportWarning) => void;
  onPage?: (page: CrawledPage, counts: { done: number; known: number }) => void;
}

/** The crawl's `onPage` turned into the public `onProgress` events (phase `crawl`). */
export function crawlProgress(onProgress: ((progress: ExportProgress) => void) | undefined): CrawlerOptions['onPage'] {
  return (crawled, counts) =>
    onProgress?.({ phase: 'crawl', pageId: crawled.id, title: pageTitle(crawled.page), pagesDone: counts.done, pagesKnown: counts.known, reused: crawled.previous !== undefined });
}

/**
 * Walks the page tree from the root: one `pages.retrieve` per page (database rows come with the query),
 * the block tree of each changed page fetched once and used both to find sub-pages and to convert,
 * never a sub-page's body fetched from its parent.
 */
export class TreeCrawler {
  readonly pages = new Map<string, CrawledPage>();
  private readonly scheduled = new Set<string>();
  /** Listed sub-pages in the trash, and those that could not be read (not shared, deleted for good). */
  private readonly trashed = new Set<string>();
  private readonly unavailable = new Map<string, string>();
  private readonly semaphore: Semaphore;
  private readonly fetcher: BlockTreeFetcher;
  private readonly previousAt: number;
  private done = 0;

  constructor(private readonly options: CrawlerOptions) {
    this.semaphore = new Semaphore(options.concurrency);
    this.fetcher = new BlockTreeFetcher(options.gateway, options.warn);
    this.previousAt = options.previous ? Date.parse(options.previous.exportedAt) : 0;
  }

  async crawl(): Promise<void> {
    await this.visit(this.options.rootPageId, undefined, true);
    if (this.options.previous && this.options.descend) {
      const reconciler = new TreeReconciler(this.options.gateway, this.options.previous, this.pages, { trashed: this.trashed, visited: this.scheduled });
      for (let stale = await this.staleKept(reconciler); stale.length > 0; stale = await this.staleKept(reconciler)) {
        for (const id of stale) await this.relist(id);
      }
    }
    for (const [id, code] of this.unavailable) {
      if (![...this.pages.values()].some((p) => p.children.some((c) => c.id === id))) continue;
      this.options.warn({ code: 'page_unavailable', pageId: id, message: `Sub-page ${id} could not be read (${code}); it is left out.` });
    }
  }

  /**
   * Kept pages that must be listed again: a synced block they show also sits on a page converted in this
   * run (an edit of a synced block may move the last_edited_time of one of its pages only), or their
   * sub-page list is stale (see TreeReconciler).
   */
  private async staleKept(reconciler: TreeReconciler): Promise<string[]> {
    const fresh = new Set([...this.pages.values()].filter((p) => !p.previous).flatMap((p) => p.synced));
    const synced = [...this.pages.values()].filter((p) => p.previous && p.synced.some((s) => fresh.has(s))).map((p) => p.id);
    return synced.length > 0 ? synced.sort() : reconciler.staleParents();
  }

  /** A page whose kept sub-page list turned out stale (a sub-page moved, deleted): list and convert it now. */
  private async relist(id: string): Promise<void> {
    const crawled = this.pages.get(id) as CrawledPage;
    await this.semaphore.run(() => this.fetchBody(crawled));
    crawled.previous = undefined;
    await this.visitChildren(crawled);
  }

  private async visit(id: string, known: PageObjectResponse | undefined, isRoot = false): Promise<void> {
    if (this.scheduled.has(id)) return;
    this.scheduled.add(id);
    const crawled = await this.semaphore.run(() => this.processPage(id, known, isRoot));
    if (!crawled) return;
    this.pages.set(id, crawled);
    this.done += 1;
    this.options.onPage?.(crawled, { done: this.done, known: this.scheduled.size });
    if (this.options.descend) await this.visitChildren(crawled);
  }

  private async visitChildren(crawled: CrawledPage): Promise<void> {
    const next: Array<Promise<void>> = [];
    for (const entry of crawled.children) {
      if (entry.type === 'page') next.push(this.visit(entry.id, undefined));
      else for (const row of crawled.rows.get(entry.id) ?? []) next.push(this.visit(row.id, row));
    }
    await Promise.all(next);
  }

  private async processPage(id: string, known: PageObjectResponse | undefined, isRoot: boolean): Promise<CrawledPage | undefined> {
    const { gateway } = this.options;
    let page = known;
    if (!page) {
      try {
        page = await gateway.retrievePage(id);
      } catch (error) {
        if (isRoot || !(error instanceof NotionExportError) || !['page_not_found', 'no_access'].includes(error.code)) throw error;
        // Warned about at the end, if a parent still lists it (a deleted page is not worth a warning).
        this.unavailable.set(id, error.code);
        return undefined;
      }
    }
    if (!isRoot && (page.in_trash || page.archived)) {
      this.trashed.add(id);
      return undefined;
    }
    const previous = this.options.previous?.pages[id];
    const crawled: CrawledPage = { id, page, children: [], rows: new Map(), synced: [] };
    if (this.options.reuseBodies && previous && isUnchanged(previous, page.last_edited_time, this.previousAt)) {
      crawled.previous = previous;
      crawled.children = previous.children;
      crawled.synced = previous.synced ?? [];
      await this.queryRows(crawled);
    } else await this.fetchBody(crawled);
    return crawled;
  }

  /** Lists the page's blocks (each listing once), finds its sub-pages and databases, converts it. */
  private async fetchBody(crawled: CrawledPage): Promise<void> {
    const blocks = await this.fetcher.pageBlocks(crawled.id);
    crawled.children = await childEntries(this.options.gateway, this.options.warn, crawled.id, blocks);
    crawled.converted = this.options.convert?.(crawled.page, blocks);
    crawled.synced = syncedOriginals(blocks);
    await this.queryRows(crawled);
  }

  private async queryRows(crawled: CrawledPage): Promise<void> {
    for (const entry of crawled.children) {
      if (entry.type !== 'database') continue;
      const rows: PageObjectResponse[] = [];
      for (const dataSourceId of entry.dataSourceIds) rows.push(...(await this.options.gateway.queryDataSource(dataSourceId)));
      crawled.rows.set(entry.id, rows);
    }
  }
}
