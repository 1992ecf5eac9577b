import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  JobCancellation,
  JobCancelledError,
  JobPayloadError,
  JobStore,
  JobStoreError,
  NotificationStore,
  RedisCommandError,
  isTerminalJobState,
  parsePublishJobPayload,
} from '@zmp-manual/job-events';
import type { JobRecord, JobUpdate, NotificationInput, PublishJobPayload } from '@zmp-manual/job-events';
import type { PipelineLogger, PublishResult } from '@zmp-manual/publish-pipeline';
import { ARTIFACT_SINK, JOB_CALLBACKS, JOB_CANCELLATION, JOB_STORE, NOTIFICATION_STORE, SECRET_REDACTOR, WORKER_CONFIG, WORKER_METRICS } from '../worker.tokens';
import type { ArtifactSink, JobCallbacks, SecretRedaction, WorkerConfig, WorkerMetrics } from '../worker.tokens';
import { ActiveJobs } from './active-jobs.registry';
import type { ActiveJob } from './active-jobs.registry';
import { JobRecordReporter } from './job-record.reporter';
import {
  CANCELLED_MESSAGE,
  COMPLETED_MESSAGE,
  STARTING_MESSAGE,
  cancelledNotification,
  completedNotification,
  failedNotification,
  publicationFailed,
  retryLogLine,
  startedNotification,
} from './job-outcome.messages';
import { describeFailure } from './pipeline-failure';
import { PUBLISH_PIPELINE } from './publish-pipeline.port';
import type { PublishPipeline } from './publish-pipeline.port';

/**
 * What the queue glue does with the Bull job once the runner returns: `done` — our record is terminal (or
 * the job was not ours to run), complete it; `handback` — the worker is stopping (or could not record the
 * end), put it back in the queue for another worker.
 */
export type RunOutcome = 'done' | 'handback';

type Finished = 'completed' | 'failed' | 'cancelled';

/**
 * One publish job from dequeue to terminal state. Our job record is the truth, Bull only delivers: this
 * class never lets an error escape, and tells the caller whether the Bull job is finished or goes back.
 */
@Injectable()
export class PublishJobRunner {
  private readonly logger = new Logger('PublishJob');

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @Inject(JOB_STORE) private readonly jobs: JobStore,
    @Inject(JOB_CANCELLATION) private readonly cancellation: JobCancellation,
    @Inject(NOTIFICATION_STORE) private readonly notifications: NotificationStore,
    @Inject(JOB_CALLBACKS) private readonly callbacks: JobCallbacks,
    @Inject(ARTIFACT_SINK) private readonly artifacts: ArtifactSink,
    @Inject(WORKER_METRICS) private readonly metrics: WorkerMetrics,
    @Inject(PUBLISH_PIPELINE) private readonly pipeline: PublishPipeline,
    @Inject(SECRET_REDACTOR) private readonly redactor: SecretRedaction,
    private readonly active: ActiveJobs,
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
      const jobId = typeof candidate === 'string' && candidate ? candidate : queueJobId;
      this.logger.error(`Bull job ${queueJobId}: ${detail}; not run`);
      try {
        const record = await this.jobs.get(jobId);
        if (record && !isTerminalJobState(record.status)) {
          await this.jobs.update(jobId, {
            status: 'failed',
            failure_reason: 'unknown_error',
            message: publicationFailed(detail),
            failure: { code: 'invalid_payload', step: null, message: detail },
          });
        }
      } catch (recordError) {
        this.logger.warn(`Job ${jobId}: could not record the invalid payload (${this.text(recordError)})`);
      }
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
      const record = await this.cancellation.acknowledgeCancel(jobId, { message: CANCELLED_MESSAGE });
      await this.afterTerminal(payload, record, 'cancelled', null);
      return 'done';
    }

    const started = await this.jobs.start(jobId, { worker: this.config.workerName, message: STARTING_MESSAGE });
    const attempt = started.attempt;
    const startedAt = Date.now();
    this.logger.log(`Job ${jobId}: attempt ${attempt} started (${payload.solution}, page ${payload.notion_page_id})`);
    if (attempt >= 2) {
      this.logger.warn(`Job ${jobId}: ${retryLogLine(attempt)}`);
      await this.jobs.update(jobId, { attempt, log: [retryLogLine(attempt)] });
    }
    this.safely(() => this.metrics.jobStarted(payload.solution), 'metrics');
    if (attempt === 1) await this.notify(startedNotification(payload));

    const stopPolling = new AbortController();
    const stale = new AbortController();
    const cancelSignal = this.cancellation.cancelSignal(jobId, {
      pollMs: this.config.cancelPollMs,
      signal: AbortSignal.any([active.shutdownSignal, stopPolling.signal]),
    });
    const signal = AbortSignal.any([cancelSignal, stale.signal]);
    const reporter = new JobRecordReporter({
      jobs: this.jobs,
      jobId,
      attempt,
      redactor: this.redactor,
      onStale: (error) => stale.abort(error),
    });

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
      this.safely(() => this.metrics.jobReleased?.(payload.solution), 'metrics');
      this.logger.warn(`Job ${jobId}: attempt ${attempt} was taken over by a newer attempt; this worker leaves the record alone`);
      return 'done';
    }
    if (result) {
      await this.complete(payload, attempt, result, startedAt);
      return 'done';
    }
    const cancelled = signal.reason instanceof JobCancelledError;
    if (!cancelled && active.shutdownSignal.aborted) {
      await this.tryUpdate(jobId, { attempt, log: [`Worker ${this.config.workerName} is shutting down: the job goes back to the queue`] });
      this.logger.warn(`Job ${jobId}: stopped for shutdown; handed back to the queue`);
      this.safely(() => this.metrics.jobReleased?.(payload.solution), 'metrics');
      return 'handback';
    }
    if (cancelled) {
      const record = await this.cancellation.acknowledgeCancel(jobId, { message: CANCELLED_MESSAGE });
      this.logger.log(`Job ${jobId}: cancelled`);
      await this.afterTerminal(payload, record, 'cancelled', startedAt);
      return 'done';
    }
    await this.fail(payload, attempt, thrown, reporter.lastStep, startedAt);
    return 'done';
  }

  private async complete(payload: PublishJobPayload, attempt: number, result: PublishResult, startedAt: number): Promise<void> {
    const jobId = payload.job_id;
    const log: string[] = [];
    const artifact = await this.keepArtifact(jobId, result, log);
    if (!result.pushed) log.push('Nothing new to push: the remote already has this content');
    const commits: JobUpdate['commits'] = {};
    if (result.commits.export) commits.export = result.commits.export;
    if (result.commits.translation) commits.translation = result.commits.translation;
    const record = await this.jobs.update(jobId, {
      attempt,
      status: 'completed',
      message: COMPLETED_MESSAGE,
      counters: result.counters,
      commits,
      artifact,
      log,
    });
    this.logger.log(`Job ${jobId}: completed (export ${commits.export ?? 'no commit'}, translation ${commits.translation ?? 'no commit'}, pushed: ${result.pushed})`);
    await this.afterTerminal(payload, record, 'completed', startedAt);
  }

  private async keepArtifact(jobId: string, result: PublishResult, log: string[]): Promise<JobUpdate['artifact']> {
    if (!result.artifact) return undefined;
    try {
      const artifact = await this.artifacts.put(jobId, result.artifact.bytes, result.artifact.sha256);
      if (!artifact) log.push(`The artifact (${result.artifact.bytes.byteLength} bytes) is too large to keep`);
      return artifact;
    } catch (error) {
      this.logger.warn(`Job ${jobId}: the artifact could not be stored (${this.text(error)})`);
      log.push('The artifact could not be stored');
      return null;
    }
  }

  private async fail(payload: PublishJobPayload, attempt: number, error: unknown, lastStep: string | null, startedAt: number): Promise<void> {
    const jobId = payload.job_id;
    const { reason, failure, message } = describeFailure(error, lastStep, (text) => this.redactor.redact(text));
    if (reason === 'unknown_error') this.logger.error(`Job ${jobId}: ${this.redactor.redact((error as Error)?.stack ?? String(error))}`);
    else this.logger.warn(`Job ${jobId}: failed (${reason}, ${failure.code}, step ${failure.step ?? '-'}): ${failure.message}`);
    const record = await this.jobs.update(jobId, {
      attempt,
      status: 'failed',
      failure_reason: reason,
      failure,
      message,
      log: [`Failed${failure.step ? ` in ${failure.step}` : ''} (${failure.code}): ${failure.message}`],
    });
    await this.afterTerminal(payload, record, 'failed', startedAt);
  }

  /** Notification, callback and metrics of a terminal record; none of them can undo it, so failures are logged only. */
  private async afterTerminal(payload: PublishJobPayload, record: JobRecord, state: Finished, startedAt: number | null): Promise<void> {
    if (state === 'completed') await this.notify(completedNotification(payload));
    else if (state === 'cancelled') await this.notify(cancelledNotification(payload));
    else await this.notify(failedNotification(payload, record.failure_reason ?? 'unknown_error', record.message ?? ''));
    if (payload.callback_url) {
      try {
        await this.callbacks.schedule(record, payload.callback_url);
      } catch (error) {
        this.logger.warn(`Job ${payload.job_id}: the callback could not be scheduled (${this.text(error)})`);
      }
    }
    if (startedAt !== null) this.safely(() => this.metrics.jobFinished(payload.solution, state, Date.now() - startedAt), 'metrics');
  }

  /** Notifies the user who asked; a job nobody asked for (no `initiated_by`) notifies nobody, as the original. */
  private async notify(input: NotificationInput): Promise<void> {
    if (!input.user_id) return;
    try {
      await this.notifications.create(input);
    } catch (error) {
      this.logger.warn(`Job ${input.job_id}: notification "${input.title}" not stored (${this.text(error)})`);
    }
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

  private safely(action: () => void, what: string): void {
    try {
      action();
    } catch (error) {
      this.logger.warn(`${what}: ${this.text(error)}`);
    }
  }

  private text(error: unknown): string {
    return this.redactor.redact(error instanceof Error ? error.message : String(error));
  }
}
