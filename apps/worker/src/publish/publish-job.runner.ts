import { Inject, Injectable, Logger } from '@nestjs/common';
import { JobCancellation, JobCancelledError, JobPayloadError, JobStore, JobStoreError, RedisCommandError, isTerminalJobState, parsePublishJobPayload } from '@zmp-manual/job-events';
import type { JobUpdate, PublishJobPayload } from '@zmp-manual/job-events';
import type { PipelineLogger, PublishResult } from '@zmp-manual/publish-pipeline';
import { JOB_CANCELLATION, JOB_STORE, SECRET_REDACTOR, WORKER_CONFIG, WORKER_METRICS } from '../worker.tokens';
import type { SecretRedaction, WorkerConfig, WorkerMetrics } from '../worker.tokens';
import { ActiveJobs } from './active-jobs.registry';
import type { ActiveJob } from './active-jobs.registry';
import { JobOutcomeRecorder } from './job-outcome.recorder';
import { JobRecordReporter } from './job-record.reporter';
import { STARTING_MESSAGE, retryLogLine, startedNotification } from './job-outcome.messages';
import { describeFailure } from './pipeline-failure';
import { PUBLISH_PIPELINE } from './publish-pipeline.port';
import type { PublishPipeline } from './publish-pipeline.port';

/**
 * What the queue glue does with the Bull job once the runner returns: `done` — our record is terminal (or
 * the job was not ours to run), complete it; `handback` — the worker is stopping (or could not record the
 * end), put it back in the queue for another worker.
 */
export type RunOutcome = 'done' | 'handback';

/**
 * One publish job from dequeue to terminal state. Our job record is the truth, Bull only delivers: this
 * class never lets an error escape, and tells the caller whether the Bull job is finished or goes back.
 * How a job ends is written by `JobOutcomeRecorder`.
 */
@Injectable()
export class PublishJobRunner {
  private readonly logger = new Logger('PublishJob');

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @Inject(JOB_STORE) private readonly jobs: JobStore,
    @Inject(JOB_CANCELLATION) private readonly cancellation: JobCancellation,
    @Inject(WORKER_METRICS) private readonly metrics: WorkerMetrics,
    @Inject(PUBLISH_PIPELINE) private readonly pipeline: PublishPipeline,
    @Inject(SECRET_REDACTOR) private readonly redactor: SecretRedaction,
    private readonly active: ActiveJobs,
    private readonly outcomes: JobOutcomeRecorder,
  ) {}

  /** Runs the job carried by a dequeued Bull job (`data` unchecked, `queueJobId` its Bull id). */
  async run(data: unknown, queueJobId: string): Promise<RunOutcome> {
    const payload = await this.validate(data, queueJobId);
    if (!payload) return 'done';
    const active = this.active.register(payload.job_id);
    try {
      return await this.runValid(payload, active);
    } catch (error) {
      return this.unexpected(payload.job_id, error);
    } finally {
      active.done();
    }
  }

  /**
   * A store call failed outside the pipeline. Redis unreachable: another worker re-runs the job later. The
   * record refusing a write (it moved on): nothing of ours to finish. Anything else: recorded as failed.
   */
  private async unexpected(jobId: string, error: unknown): Promise<RunOutcome> {
    if (error instanceof RedisCommandError) {
      this.logger.error(`Job ${jobId}: ${this.text(error)}; handing it back to the queue`);
      return 'handback';
    }
    if (error instanceof JobStoreError) {
      this.logger.warn(`Job ${jobId}: the record refused a write (${error.code}: ${this.text(error)}); leaving it as it is`);
      return 'done';
    }
    this.logger.error(`Job ${jobId}: ${this.redactor.redact((error as Error)?.stack ?? String(error))}`);
    const { failure, message } = describeFailure(error, null, (text) => this.redactor.redact(text));
    await this.tryUpdate(jobId, { status: 'failed', failure_reason: 'unknown_error', failure, message }).catch(() => undefined);
    return 'done';
  }

  /** The payload, or `null` after recording why it is unusable (when there is a record to tell). */
  private async validate(data: unknown, queueJobId: string): Promise<PublishJobPayload | null> {
    try {
      return parsePublishJobPayload(data);
    } catch (error) {
      const detail = error instanceof JobPayloadError ? error.message : this.text(error);
      const candidate = (data as { job_id?: unknown } | null)?.job_id;
      this.logger.error(`Bull job ${queueJobId}: ${detail}; not run`);
      await this.outcomes.givenUp(typeof candidate === 'string' && candidate ? candidate : queueJobId, 'invalid_payload', detail, null);
      return null;
    }
  }

  private async runValid(payload: PublishJobPayload, active: ActiveJob): Promise<RunOutcome> {
    const jobId = payload.job_id;
    if (active.shutdownSignal.aborted) return 'handback';
    const existing = await this.jobs.get(jobId);
    if (!existing) {
      this.logger.warn(`Job ${jobId}: no job record; skipped (the API creates it before enqueueing)`);
      return 'done';
    }
    if (isTerminalJobState(existing.status)) {
      this.logger.log(`Job ${jobId}: already ${existing.status}; skipped`);
      return 'done';
    }
    if (await this.cancellation.isCancelRequested(jobId)) {
      await this.outcomes.cancelled(payload, null);
      return 'done';
    }
    const { attempt } = await this.jobs.start(jobId, { worker: this.config.workerName, message: STARTING_MESSAGE });
    const startedAt = Date.now();
    this.logger.log(`Job ${jobId}: attempt ${attempt} started (${payload.solution}, page ${payload.notion_page_id})`);
    if (attempt >= 2) {
      this.logger.warn(`Job ${jobId}: ${retryLogLine(attempt)}`);
      await this.jobs.update(jobId, { attempt, log: [retryLogLine(attempt)] });
    }
    this.safely(() => this.metrics.jobStarted(payload.solution));
    if (attempt === 1) await this.outcomes.notify(startedNotification(payload));
    return this.runPipeline(payload, active, attempt, startedAt);
  }

  /** Runs the pipeline with a signal fed by the cancel flag, the shutdown and a takeover, then records how it ended. */
  private async runPipeline(payload: PublishJobPayload, active: ActiveJob, attempt: number, startedAt: number): Promise<RunOutcome> {
    const jobId = payload.job_id;
    const stopPolling = new AbortController();
    const stale = new AbortController();
    const cancelSignal = this.cancellation.cancelSignal(jobId, { pollMs: this.config.cancelPollMs, signal: AbortSignal.any([active.shutdownSignal, stopPolling.signal]) });
    const signal = AbortSignal.any([cancelSignal, stale.signal]);
    const reporter = new JobRecordReporter({ jobs: this.jobs, jobId, attempt, redactor: this.redactor, onStale: (error) => stale.abort(error) });

    let result: PublishResult | null = null;
    let thrown: unknown = null;
    try {
      result = await this.pipeline.run({ payload, reporter, signal, logger: this.pipelineLogger(jobId) });
    } catch (error) {
      thrown = error;
    } finally {
      stopPolling.abort();
    }

    if (reporter.stale) {
      this.safely(() => this.metrics.jobReleased?.(payload.solution));
      this.logger.warn(`Job ${jobId}: attempt ${attempt} was taken over by a newer attempt; this worker leaves the record alone`);
      return 'done';
    }
    if (result) {
      await this.outcomes.completed(payload, attempt, result, startedAt);
      return 'done';
    }
    const cancelled = signal.reason instanceof JobCancelledError;
    if (!cancelled && active.shutdownSignal.aborted) {
      await this.tryUpdate(jobId, { attempt, log: [`Worker ${this.config.workerName} is shutting down: the job goes back to the queue`] });
      this.logger.warn(`Job ${jobId}: stopped for shutdown; handed back to the queue`);
      this.safely(() => this.metrics.jobReleased?.(payload.solution));
      return 'handback';
    }
    if (cancelled) await this.outcomes.cancelled(payload, startedAt);
    else await this.outcomes.failed(payload, attempt, thrown, reporter.lastStep, startedAt);
    return 'done';
  }

  /** An update that may be refused (the record moved on) without that mattering. */
  private async tryUpdate(jobId: string, patch: JobUpdate): Promise<void> {
    try {
      await this.jobs.update(jobId, patch);
    } catch (error) {
      if (!(error instanceof JobStoreError)) throw error;
    }
  }

  private pipelineLogger(jobId: string): PipelineLogger {
    const line = (message: string, fields?: Record<string, unknown>) =>
      this.redactor.redact(`Job ${jobId}: ${message}${fields && Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : ''}`);
    return {
      info: (message, fields) => this.logger.log(line(message, fields)),
      warn: (message, fields) => this.logger.warn(line(message, fields)),
      error: (message, fields) => this.logger.error(line(message, fields)),
    };
  }

  /** Metrics never stop a job. */
  private safely(action: () => void): void {
    try {
      action();
    } catch (error) {
      this.logger.warn(`metrics: ${this.text(error)}`);
    }
  }

  private text(error: unknown): string {
    return this.redactor.redact(error instanceof Error ? error.message : String(error));
  }
}
