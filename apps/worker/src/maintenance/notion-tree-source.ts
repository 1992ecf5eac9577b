import type { CrawlTreeOptions } from '@zmp-manual/notion-exporter';

/**
 * Where a refresh crawls a solution's tree from: the Notion client and the solution's root page. The worker
 * uses `settingsTreeSource(config.pipeline)` (publish-pipeline's settings and `createNotionClient`).
 */
export const NOTION_TREE_SOURCE = Symbol('NOTION_TREE_SOURCE');

/** What `crawlTree` needs for one solution (`rateLimit`: share the publish jobs' limiter when there is one). */
export type NotionTreeTarget = Pick<CrawlTreeOptions, 'client' | 'rootPageId' | 'rateLimit' | 'retry' | 'concurrency'>;

export interface NotionTreeSource {
  /** The crawl target of `solution`; throws (any error) for a solution that is not configured. */
  forSolution(solution: string): NotionTreeTarget | Promise<NotionTreeTarget>;
}
