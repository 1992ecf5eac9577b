import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { JobStore, PublishJobPayload } from '@zmp-manual/job-events';
import { PUBLISH_JOB_PAYLOAD_VERSION } from '@zmp-manual/job-events';
import { PUBLISH_QUEUE, enqueuePublish } from '@zmp-manual/queue-contract';
import type { Queue } from 'bull';
import { randomUUID } from 'node:crypto';
import { API_CONFIG, JOB_STORE, SECRET_REDACTOR } from '../api.tokens';
import type { ApiConfig, SecretRedaction } from '../api.tokens';
import type { AuthUser } from '../auth/auth-user';
import { ApiError } from '../errors/api-error';
import { parseInput } from '../errors/zod-input';
import { publishRequestSchema } from './publish-request.schema';
import type { PublishRequest } from './publish-request.schema';

export const QUEUED_MESSAGE = 'Queued for publication';
export const QUEUE_FAILED_MESSAGE = 'Could not queue the job: Redis unavailable';

/**
 * `POST /publish`: checks the request against the configuration, creates the job record (`queued`, owned by
 * the caller) and then hands the job to the `publish` queue. The record comes first, so the `job_id` answered
 * can be watched at once; when the queue refuses the job, the record is failed and the caller gets 503.
 */
@Injectable()
export class PublishService {
  private readonly logger = new Logger('Publish');
  private readonly schema: ReturnType<typeof publishRequestSchema>;

  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    @Inject(JOB_STORE) private readonly jobs: JobStore,
    @Inject(SECRET_REDACTOR) private readonly redactor: SecretRedaction,
    @InjectQueue(PUBLISH_QUEUE) private readonly queue: Queue,
  ) {
    this.schema = publishRequestSchema({
      solutions: config.pipeline.solutions.map((solution) => solution.id),
      supportedLanguages: config.supportedLanguages,
      defaultLanguages: config.pipeline.targetLanguages,
      callbacks: config.callbacks,
    });
  }

  /** The request body as the job will use it; 422 listing every problem. */
  parse(body: unknown): PublishRequest {
    return parseInput(this.schema, body, 'body');
  }

  async publish(request: PublishRequest, user: AuthUser): Promise<{ job_id: string }> {
    const payload: PublishJobPayload = {
      version: PUBLISH_JOB_PAYLOAD_VERSION,
      job_id: randomUUID(),
      notion_page_id: request.notion_page_id,
      solution: request.selected_solution,
      target_languages: request.target_languages,
      title: request.title,
      is_directory: request.is_directory,
      parent_id: request.parent_id,
      initiated_by: user.username,
      ...(request.callback_url === undefined ? {} : { callback_url: request.callback_url }),
      requested_at: new Date().toISOString(),
    };
    await this.jobs.create({ ...payload, status: 'queued', message: QUEUED_MESSAGE });
    try {
      await enqueuePublish(this.queue, payload);
    } catch (error) {
      await this.failQueued(payload.job_id, error);
      throw ApiError.unavailable(QUEUE_FAILED_MESSAGE, 'queue_unavailable');
    }
    return { job_id: payload.job_id };
  }

  /** The job will never run: its record says so (best effort — Redis may be the thing that is down). */
  private async failQueued(jobId: string, error: unknown): Promise<void> {
    const reason = this.redactor.redact(error instanceof Error ? error.message : String(error));
    this.logger.error(`job ${jobId}: adding it to the publish queue failed: ${reason}`);
    try {
      await this.jobs.update(jobId, {
        status: 'failed',
        failure_reason: 'unknown_error',
        message: QUEUE_FAILED_MESSAGE,
        failure: { code: 'queue_unavailable', step: null, message: QUEUE_FAILED_MESSAGE },
      });
    } catch (updateError) {
      this.logger.error(`job ${jobId}: could not mark it failed: ${this.redactor.redact((updateError as Error).message)}`);
    }
  }
}
