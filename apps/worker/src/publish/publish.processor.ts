import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { publishJobPayloadSchema } from '@zmp-manual/job-events';
import type { Job, Queue } from 'bull';
import { PUBLISH_QUEUE, SECRET_REDACTOR, WORKER_CONFIG } from '../worker.tokens';
import type { SecretRedaction, WorkerConfig } from '../worker.tokens';
import { JobOutcomeRecorder } from './job-outcome.recorder';
import { PublishJobRunner } from './publish-job.runner';

/** Thrown to Bull for a job this worker hands back: Bull's own retry path moves it from active to wait. */
export class HandBackError extends Error {
  readonly code = 'handed_back' as const;

  constructor(readonly jobId: string) {
    super(`Job ${jobId} handed back to the queue`);
    this.name = 'HandBackError';
  }
}

/**
 * The Bull side of the `publish` queue: consumes it with the configured concurrency and turns the runner's
 * outcome into what Bull understands. A finished job completes (and is removed, so its id never blocks a
 * re-publish). A job handed back is failed with one more attempt allowed and no back-off, which makes Bull
 * move it from active straight back to wait (its retry script, under our lock) for another worker.
 */
@Injectable()
export class PublishProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger('PublishQueue');

  constructor(
    @InjectQueue(PUBLISH_QUEUE) private readonly queue: Queue,
    private readonly runner: PublishJobRunner,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    private readonly outcomes: JobOutcomeRecorder,
    @Inject(SECRET_REDACTOR) private readonly redactor: SecretRedaction,
  ) {}

  onApplicationBootstrap(): void {
    this.queue.on('error', (error: Error) => this.logger.error(`queue error: ${this.redactor.redact(error.message)}`));
    this.queue.on('failed', (job: Job, error: Error) => void this.onBullFailure(job, error));
    this.queue.process(this.config.concurrency, (job: Job) => this.handle(job)).catch((error: Error) => {
      this.logger.error(`the publish processor stopped: ${this.redactor.redact(error.message)}`);
    });
    this.logger.log(`consuming "${PUBLISH_QUEUE}" with concurrency ${this.config.concurrency}`);
  }

  async handle(job: Job): Promise<void> {
    const outcome = await this.runner.run(job.data, String(job.id));
    if (outcome === 'done') {
      job.opts.removeOnComplete = true;
      return;
    }
    // One more attempt than made so far and no back-off: Bull retries at once, i.e. puts it back in wait.
    job.opts.attempts = job.attemptsMade + 2;
    delete job.opts.backoff;
    throw new HandBackError(String(job.id));
  }

  /**
   * Bull fails a job by itself only when it stalled more than `BULL_MAX_STALLED_COUNT` times (workers keep
   * dying on it). Our record must still end: it is marked failed (the user notified, the callback sent), and
   * the Bull job removed.
   */
  private async onBullFailure(job: Job | null, error: Error): Promise<void> {
    if (!job || error instanceof HandBackError) return;
    const jobId = String((job.data as { job_id?: unknown } | null)?.job_id ?? job.id);
    const detail = `The job stopped its workers too many times (${this.redactor.redact(error.message)})`;
    this.logger.error(`Job ${jobId}: ${detail}`);
    const payload = publishJobPayloadSchema.safeParse(job.data);
    await this.outcomes.givenUp(jobId, 'stalled', detail, payload.success ? payload.data : null);
    await job.remove().catch((removeError: Error) => this.logger.warn(`Job ${jobId}: the Bull job was not removed (${this.redactor.redact(removeError.message)})`));
  }
}
