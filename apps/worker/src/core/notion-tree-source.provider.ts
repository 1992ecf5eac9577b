import type { Provider } from '@nestjs/common';
import { NOTION_TREE_SOURCE } from '../maintenance/notion-tree-source';
import { settingsTreeSource } from '../maintenance/settings-tree-source';
import { WORKER_CONFIG } from '../worker.tokens';
import type { WorkerConfig } from '../worker.tokens';
import { PIPELINE_CLIENTS } from './pipeline-clients.provider';
import type { PipelineClients } from './pipeline-clients.provider';

/** What the Notion refreshes crawl: each solution's root page, with the publish jobs' client and rate limiter (one integration, one budget). */
export const notionTreeSourceProvider: Provider = {
  provide: NOTION_TREE_SOURCE,
  useFactory: (clients: PipelineClients, config: WorkerConfig) => settingsTreeSource(config.pipeline, { client: clients.notion, rateLimiter: clients.notionRateLimit }),
  inject: [PIPELINE_CLIENTS, WORKER_CONFIG],
};
