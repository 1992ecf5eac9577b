import type { Client, Logger } from '@notionhq/client';
import type { PipelineSettings } from '@zmp-manual/publish-pipeline';
import { createNotionClient } from '@zmp-manual/publish-pipeline';
import type { RateLimiter } from '@zmp-manual/notion-exporter';
import { createRateLimiter } from '@zmp-manual/notion-exporter';
import type { NotionTreeSource } from './notion-tree-source';

export interface SettingsTreeSourceOptions {
  /** Share the publish jobs' client; default one of its own (`createNotionClient`, with `logger`). */
  client?: Client;
  /** Share the publish jobs' limiter (one Notion integration, one budget); default a limiter of its own at `NOTION_RATE_LIMIT`. */
  rateLimiter?: RateLimiter;
  logger?: Logger;
}

/**
 * The real `NotionTreeSource`, from the pipeline settings (`loadSettings(process.env)`): one Notion client
 * (`NOTION_TOKEN`, `NOTION_BASE_URL`) for every solution, each solution's `<SOL>_ROOT_PAGE_ID`.
 */
export function settingsTreeSource(settings: PipelineSettings, options: SettingsTreeSourceOptions = {}): NotionTreeSource {
  const client = options.client ?? createNotionClient(settings, options.logger ? { logger: options.logger } : {});
  const rateLimit = options.rateLimiter ?? createRateLimiter(settings.notion.rateLimit);
  return {
    forSolution(id) {
      const solution = settings.solutions.find((candidate) => candidate.id === id);
      if (!solution) throw new Error(`solution ${id} is not configured (no ${id.toUpperCase().replace(/-/g, '_')}_ROOT_PAGE_ID)`);
      return { client, rootPageId: solution.rootPageId, rateLimit };
    },
  };
}
