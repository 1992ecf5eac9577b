import { Logger } from '@nestjs/common';
import type { Provider } from '@nestjs/common';
import type { Logger as NotionLogger } from '@notionhq/client';
import type { ManualsCacheItem } from '@zmp-manual/job-events';
import { crawlTree, createRateLimiter, toManualsItems } from '@zmp-manual/notion-exporter';
import { createNotionClient } from '@zmp-manual/publish-pipeline';
import type { SolutionSettings } from '@zmp-manual/publish-pipeline';
import { API_CONFIG, SECRET_REDACTOR } from '../api.tokens';
import type { ApiConfig, SecretRedaction } from '../api.tokens';

/** Where the manuals cache gets a solution's tree on a miss or a refresh: Notion, through one client and one rate limiter. */
export const MANUALS_TREE_SOURCE = Symbol('MANUALS_TREE_SOURCE');

export interface ManualsTreeSource {
  /** False without `NOTION_TOKEN`: the API can then only serve what the cache holds. */
  readonly configured: boolean;
  /** The solution's tree in the original's `GET /manuals` item shape (flat pre-order, root first). Reads only. */
  crawl(solution: SolutionSettings, signal: AbortSignal): Promise<ManualsCacheItem[]>;
}

/**
 * The client's own log lines, masked, at debug level: they are the requests the exporter retries or the
 * failure the cache reports itself (502, with a warning).
 */
function notionLogger(redactor: SecretRedaction): NotionLogger {
  const logger = new Logger('Notion');
  return (level, message, extraInfo) => logger.debug(redactor.redact(`${level}: ${message} ${JSON.stringify(extraInfo)}`));
}

/** The real source: `crawlTree` + `toManualsItems` of @zmp-manual/notion-exporter, as the worker's refresh. */
export function notionTreeSource(config: ApiConfig, redactor: SecretRedaction): ManualsTreeSource {
  const { notion } = config.pipeline;
  if (notion === null) {
    return {
      configured: false,
      crawl: () => Promise.reject(new Error('Notion is not configured (set NOTION_TOKEN)')),
    };
  }
  const client = createNotionClient({ ...config.pipeline, notion }, { logger: notionLogger(redactor) });
  const rateLimit = createRateLimiter(notion.rateLimit);
  return {
    configured: true,
    async crawl(solution, signal) {
      return toManualsItems(await crawlTree({ client, rootPageId: solution.rootPageId, rateLimit, signal }));
    },
  };
}

export const manualsTreeSourceProvider: Provider = {
  provide: MANUALS_TREE_SOURCE,
  useFactory: notionTreeSource,
  inject: [API_CONFIG, SECRET_REDACTOR],
};
