import { Inject, Injectable, Logger } from '@nestjs/common';
import { JobStore, JobStoreError } from '@zmp-manual/job-events';
import type { Job } from 'bull';
import { JOB_STORE, WORKER_CONFIG } from '../worker.tokens';
import type { WorkerConfig } from '../worker.tokens';
import { callbackJobSchema } from './callback-payload';
import { attemptWebhook } from './webhook-attempt';

/** What a finished `callback` job resolves with (Bull keeps it as the job's return value). */
export interface CallbackDeliveryResult {
  delivered: true;
  attempt: number;
  statusCode: number;
}

/**
 * Runs one attempt of a `callback` job: sign, SSRF-check, POST, record the attempt on the job record. A
 * failure that another attempt can fix throws (Bull retries with back-off); one that cannot (a refused
 * target, a 4xx other than 408/429) discards the job first, so it is not tried again.
 */
@Injectable()
export class CallbackDeliveryService {
  private readonly logger = new Logger('Callbacks');

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @Inject(JOB_STORE) private readonly jobs: JobStore,
  ) {}

  async deliver(job: Job<unknown>): Promise<CallbackDeliveryResult> {
    const parsed = callbackJobSchema.safeParse(job.data);
    if (!parsed.success) {
      await job.discard();
      throw new Error(`callback job ${job.id} has an invalid payload: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
    }
    const data = parsed.data;
    const attempt = job.attemptsMade + 1;
    const { secret, allowPrivate, timeoutMs } = this.config.callbacks;
    const outcome = await attemptWebhook({ url: data.url, body: data.body, webhookId: data.webhook_id, secret, allowPrivate, timeoutMs });
    const recorded = await this.record(data.job_id, {
      url: data.url,
      attempt,
      at: outcome.at,
      status_code: outcome.statusCode,
      ok: outcome.ok,
      error: outcome.error,
      duration_ms: outcome.durationMs,
      webhook_id: data.webhook_id,
    });
    if (outcome.ok) return { delivered: true, attempt, statusCode: outcome.statusCode ?? 0 };
    const last = !outcome.retry || !recorded || attempt >= (job.opts.attempts ?? 1);
    if (last) {
      if (attempt < (job.opts.attempts ?? 1)) await job.discard();
      this.logger.warn(`callback of job ${data.job_id} given up after attempt ${attempt}: ${outcome.error}`);
    }
    throw new Error(outcome.error ?? 'callback failed');
  }

  /** Records the attempt; false when the job record is gone (deleted meanwhile), which ends the delivery. */
  private async record(jobId: string, delivery: Parameters<JobStore['recordCallback']>[1]): Promise<boolean> {
    try {
      await this.jobs.recordCallback(jobId, delivery);
      return true;
    } catch (error) {
      if (error instanceof JobStoreError && error.code === 'job_not_found') return false;
      throw error;
    }
  }
}
