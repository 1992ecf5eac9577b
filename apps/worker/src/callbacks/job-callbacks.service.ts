import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { JobRecord } from '@zmp-manual/job-events';
import { JobStore, withoutUserinfo } from '@zmp-manual/job-events';
import type { Queue } from 'bull';
import { randomUUID } from 'node:crypto';
import { CALLBACK_JOB, JOB_STORE, MAINTENANCE_QUEUE, WORKER_CONFIG } from '../worker.tokens';
import type { JobCallbacks, WorkerConfig } from '../worker.tokens';
import { CallbackError } from './callback.errors';
import { CALLBACK_PAYLOAD_VERSION, callbackBody } from './callback-payload';
import type { CallbackJobData } from './callback-payload';
import { parseCallbackUrl } from './callback-target';

/**
 * `JOB_CALLBACKS`: queues the delivery of a finished job's callback as a `callback` job on the maintenance
 * queue (`CALLBACK_MAX_ATTEMPTS` attempts, exponential back-off from `CALLBACK_BACKOFF_MS`). Without a
 * secret, or with a URL that is not http(s), nothing is queued: a log line says why and the refusal is
 * recorded on the job as a delivery with `attempt: 0`.
 */
@Injectable()
export class JobCallbacksService implements JobCallbacks {
  private readonly logger = new Logger('Callbacks');

  constructor(
    @InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @Inject(JOB_STORE) private readonly jobs: JobStore,
  ) {}

  async schedule(record: JobRecord, callbackUrl: string): Promise<void> {
    // Userinfo is not how a callback authenticates (the signature is): it is dropped before anything is kept.
    const url = withoutUserinfo(callbackUrl);
    const webhookId = `msg_${randomUUID().replace(/-/g, '')}`;
    try {
      if (!this.config.callbacks.secret) throw new CallbackError('no_secret', 'CALLBACK_SECRET is not set, so the callback cannot be signed');
      parseCallbackUrl(url);
    } catch (error) {
      if (!(error instanceof CallbackError)) throw error;
      this.logger.warn(`callback of job ${record.job_id} not sent: ${error.summary}`);
      await this.jobs.recordCallback(record.job_id, { url, attempt: 0, status_code: null, ok: false, error: error.summary, duration_ms: 0, webhook_id: webhookId });
      return;
    }
    const data: CallbackJobData = { version: CALLBACK_PAYLOAD_VERSION, job_id: record.job_id, url, webhook_id: webhookId, body: callbackBody(record) };
    const { maxAttempts, backoffMs } = this.config.callbacks;
    await this.queue.add(CALLBACK_JOB, data, {
      jobId: webhookId,
      attempts: maxAttempts,
      backoff: { type: 'exponential', delay: backoffMs },
      removeOnComplete: true,
      removeOnFail: 100,
    });
  }
}
