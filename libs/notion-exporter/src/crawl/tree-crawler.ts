import type { PageObjectResponse } from '@notionhq/client';
import type { NotionGateway } from '../api/notion-gateway';
import { NotionExportError } from '../errors/export-error';
import type { AssetRef, ChildEntry, ExportManifest, ManifestPage } from '../manifest/export-manifest';
import { isUnchanged } from '../manifest/export-manifest';
import type { ExportWarning } from '../types';
import type { BlockNode } from './block-node';
import { BlockTreeFetcher } from './block-tree.fetcher';
import { Semaphore } from './semaphore';
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

/**
 * Walks the page tree from the root: one `pages.retrieve` per page (database rows come with the query),
 * the block tree of each changed page fetched once and used both to find sub-pages and to convert,
 * never a sub-page's body fetched from its parent.
 */
export class TreeCrawler {
  readonly pages = new Map<string, CrawledPage>();
  private readonly scheduled = new Set<string>();
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
  }

  private async visit(id: string, known: PageObjectResponse | undefined, isRoot = false): Promise<void> {
    if (this.scheduled.has(id)) return;
    this.scheduled.add(id);
    const crawled = await this.semaphore.run(() => this.processPage(id, known, isRoot));
    if (!crawled) return;
    this.pages.set(id, crawled);
    this.done += 1;
    this.options.onPage?.(crawled, { done: this.done, known: this.scheduled.size });
    if (!this.options.descend) return;
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
        this.options.warn({ code: 'page_unavailable', pageId: id, message: `Sub-page ${id} could not be read (${error.code}); it is left out.` });
        return undefined;
      }
    }
    if (!isRoot && (page.in_trash || page.archived)) return undefined;
    const previous = this.options.previous?.pages[id];
    const crawled: CrawledPage = { id, page, children: [], rows: new Map() };
    if (this.options.reuseBodies && isUnchanged(previous, page.last_edited_time, this.previousAt)) {
      crawled.previous = previous;
      crawled.children = previous?.children ?? [];
    } else {
      const blocks = await this.fetcher.pageBlocks(id);
      crawled.children = await this.childEntries(id, blocks);
      crawled.converted = this.options.convert?.(page, blocks);
    }
    for (const entry of crawled.children) {
      if (entry.type !== 'database') continue;
      const rows: PageObjectResponse[] = [];
      for (const dataSourceId of entry.dataSourceIds) rows.push(...(await gateway.queryDataSource(dataSourceId)));
      crawled.rows.set(entry.id, rows);
    }
    return crawled;
  }

  /** Sub-pages and databases in document order, also inside toggles, columns and synced blocks. */
  private async childEntries(pageId: string, blocks: BlockNode[]): Promise<ChildEntry[]> {
    const entries: ChildEntry[] = [];
    const walk = async (nodes: BlockNode[]): Promise<void> => {
      for (const { block, children } of nodes) {
        if (block.type === 'child_page') entries.push({ type: 'page', id: block.id });
        else if (block.type === 'child_database') {
          const dataSourceIds = await this.dataSourcesOf(pageId, block.id);
          if (dataSourceIds) entries.push({ type: 'database', id: block.id, title: block.child_database.title, dataSourceIds });
        } else await walk(children);
      }
    };
    await walk(blocks);
    return entries;
  }

  private async dataSourcesOf(pageId: string, databaseId: string): Promise<string[] | undefined> {
    try {
      const database = await this.options.gateway.retrieveDatabase(databaseId);
      return database.data_sources.map((d) => d.id);
    } catch (error) {
      if (!(error instanceof NotionExportError) || !['page_not_found', 'no_access'].includes(error.code)) throw error;
      this.options.warn({ code: 'database_unavailable', pageId, blockId: databaseId, message: `Database ${databaseId} could not be read (${error.code}); its rows are left out.` });
      return undefined;
    }
  }
}
