import { Inject, Injectable, Logger } from '@nestjs/common';
import { RedisLock } from '@zmp-manual/job-events';
import { runPublish, solutionConfig } from '@zmp-manual/publish-pipeline';
import type { PublishResult } from '@zmp-manual/publish-pipeline';
import { Redis } from 'ioredis';
import { workerSecrets } from '../config/worker-secrets';
import { PIPELINE_CLIENTS } from '../core/pipeline-clients.provider';
import type { PipelineClients } from '../core/pipeline-clients.provider';
import { REDIS, WORKER_CONFIG } from '../worker.tokens';
import type { WorkerConfig } from '../worker.tokens';
import type { PublishPipeline, PublishPipelineRun } from './publish-pipeline.port';

/**
 * `runPublish` with what the worker holds: the solution's settings, the shared clients, a Redis lock per
 * repository + branch (`REPO_LOCK_TTL_MS`, `REPO_LOCK_WAIT_MS`; a dead worker's lock expires by its TTL), the
 * data folder, the secrets to mask, and the zip of the generated tree (kept by the artifact sink).
 */
@Injectable()
export class PublishPipelineService implements PublishPipeline {
  private readonly logger = new Logger('Pipeline');
  private readonly lock: RedisLock;
  private readonly secrets: readonly string[];

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @Inject(PIPELINE_CLIENTS) private readonly clients: PipelineClients,
    @Inject(REDIS) redis: Redis,
  ) {
    this.lock = new RedisLock({ redis, keyPrefix: config.keyPrefix });
    this.secrets = workerSecrets(config);
  }

  async run({ payload, reporter, signal, logger }: PublishPipelineRun): Promise<PublishResult> {
    const { pipeline } = this.config;
    const { notion, notionRateLimit, provider, memory } = this.clients;
    // An unknown solution or one without a repository: a SettingsError naming the variable to set.
    const solution = solutionConfig(pipeline, payload.solution);
    try {
      return await runPublish({
        request: {
          jobId: payload.job_id,
          solution: payload.solution,
          pageId: payload.notion_page_id,
          isDirectory: payload.is_directory,
          targetLanguages: payload.target_languages,
          title: payload.title,
          initiatedBy: payload.initiated_by,
        },
        solution,
        notion,
        notionRateLimit,
        translation: {
          provider,
          memory,
          maxConcurrentRequests: pipeline.translation.maxConcurrentRequests,
          maxChunkTokens: pipeline.translation.maxChunkTokens,
        },
        git: { author: pipeline.git.author, lock: this.lock, lockTtlMs: this.config.repoLockTtlMs, lockWaitMs: this.config.repoLockWaitMs },
        dataDir: this.config.dataDir,
        reporter,
        signal,
        logger,
        // The Notion token, the provider's key, the callback secret: masked in every message and error of the run.
        secrets: this.secrets,
        artifact: true,
      });
    } finally {
      await memory.flush().catch((error: Error) => this.logger.warn(`translation memory not saved: ${error.message}`));
    }
  }
}
