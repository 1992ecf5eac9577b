import { Logger } from '@nestjs/common';
import type { Provider } from '@nestjs/common';
import type { Client, Logger as NotionLogger } from '@notionhq/client';
import { createFileMemoryStore } from '@zmp-manual/mdx-translator';
import type { TranslationMemoryStore, TranslationProvider } from '@zmp-manual/mdx-translator';
import { createRateLimiter } from '@zmp-manual/notion-exporter';
import type { RateLimiter } from '@zmp-manual/notion-exporter';
import { createNotionClient, createProvider } from '@zmp-manual/publish-pipeline';
import { join } from 'node:path';
import { SECRET_REDACTOR, WORKER_CONFIG } from '../worker.tokens';
import type { SecretRedaction, WorkerConfig } from '../worker.tokens';

/** The long-lived clients every publish (and every Notion refresh) of this process shares. */
export const PIPELINE_CLIENTS = Symbol('PIPELINE_CLIENTS');

export interface PipelineClients {
  /** `@notionhq/client` with `retry: false` (the exporter retries) and `NOTION_BASE_URL`. */
  notion: Client;
  /** One Notion rate limiter (`NOTION_RATE_LIMIT`) for the whole process: jobs and refreshes share the integration's budget. */
  notionRateLimit: RateLimiter;
  /** `TRANSLATION_PROVIDER`. */
  provider: TranslationProvider;
  /** Translation memory kept in `<WORKER_DATA_DIR>/translation-memory` (one JSON file per language). */
  memory: TranslationMemoryStore;
}

/**
 * The Notion client's own log lines on one line each, masked. Its warnings are the requests the exporter
 * retries (429, 5xx): debug level; its errors: warnings (the job's own failure says what went wrong).
 */
function notionLogger(redactor: SecretRedaction): NotionLogger {
  const logger = new Logger('Notion');
  return (level, message, extraInfo) => {
    const line = redactor.redact(`${message} ${JSON.stringify(extraInfo)}`);
    if (level === 'error') logger.warn(line);
    else logger.debug(line);
  };
}

export const pipelineClientsProvider: Provider = {
  provide: PIPELINE_CLIENTS,
  useFactory: (config: WorkerConfig, redactor: SecretRedaction): PipelineClients => ({
    notion: createNotionClient(config.pipeline, { logger: notionLogger(redactor) }),
    notionRateLimit: createRateLimiter(config.pipeline.notion.rateLimit),
    provider: createProvider(config.pipeline),
    memory: createFileMemoryStore({ directory: join(config.dataDir, 'translation-memory') }),
  }),
  inject: [WORKER_CONFIG, SECRET_REDACTOR],
};
