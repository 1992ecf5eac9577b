import { Inject, Injectable, Logger } from '@nestjs/common';
import { JobCancellation, JobStore, NotificationStore, isTerminalJobState } from '@zmp-manual/job-events';
import type { JobRecord, JobUpdate, NotificationInput, PublishJobPayload } from '@zmp-manual/job-events';
import type { PublishResult } from '@zmp-manual/publish-pipeline';
import { ARTIFACT_SINK, JOB_CALLBACKS, JOB_CANCELLATION, JOB_STORE, NOTIFICATION_STORE, SECRET_REDACTOR, WORKER_METRICS } from '../worker.tokens';
import type { ArtifactSink, JobCallbacks, SecretRedaction, WorkerMetrics } from '../worker.tokens';
import { CANCELLED_MESSAGE, COMPLETED_MESSAGE, cancelledNotification, completedNotification, failedNotification, publicationFailed } from './job-outcome.messages';
import { describeFailure } from './pipeline-failure';

type Finished = 'completed' | 'failed' | 'cancelled';

/**
 * Writes how a publish job ended — `completed` (commits, counters, artifact), `failed` (reason, failure,
 * message) or `cancelled` — and what follows a terminal record: the notification to the user who asked, the
 * outbound callback and the metrics. None of those can undo the record, so their failures are logged only.
 */
@Injectable()
export class JobOutcomeRecorder {
  private readonly logger = new Logger('PublishJob');

  constructor(
    @Inject(JOB_STORE) private readonly jobs: JobStore,
    @Inject(JOB_CANCELLATION) private readonly cancellation: JobCancellation,
    @Inject(NOTIFICATION_STORE) private readonly notifications: NotificationStore,
    @Inject(JOB_CALLBACKS) private readonly callbacks: JobCallbacks,
    @Inject(ARTIFACT_SINK) private readonly artifacts: ArtifactSink,
    @Inject(WORKER_METRICS) private readonly metrics: WorkerMetrics,
    @Inject(SECRET_REDACTOR) private readonly redactor: SecretRedaction,
  ) {}

  /**
   * The run succeeded. The commit shas are recorded only when they were pushed: a publish with nothing new
   * records none (a re-run after a worker died past its push keeps the shas that attempt recorded).
   */
  async completed(payload: PublishJobPayload, attempt: number, result: PublishResult, startedAt: number): Promise<void> {
    const jobId = payload.job_id;
    const log: string[] = [];
    const artifact = await this.keepArtifact(jobId, result, log);
    const commits: JobUpdate['commits'] = {};
    if (result.pushed) {
      if (result.commits.export) commits.export = result.commits.export;
      if (result.commits.translation) commits.translation = result.commits.translation;
    } else log.push('Nothing new to push: the remote already has this content');
    const record = await this.jobs.update(jobId, { attempt, status: 'completed', message: COMPLETED_MESSAGE, counters: result.counters, commits, artifact, log });
    this.logger.log(`Job ${jobId}: completed (export ${commits.export ?? 'no commit'}, translation ${commits.translation ?? 'no commit'}, pushed: ${result.pushed})`);
    await this.afterTerminal(payload, record, 'completed', startedAt);
  }

  /** The run threw: the pipeline's reason, code, step and message (secrets masked), or `unknown_error`. */
  async failed(payload: PublishJobPayload, attempt: number, error: unknown, lastStep: string | null, startedAt: number): Promise<void> {
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

  /** Acknowledges the cancel (the pipeline has stopped and reset its working copy); `startedAt` null when it never ran. */
  async cancelled(payload: PublishJobPayload, startedAt: number | null): Promise<void> {
    const record = await this.cancellation.acknowledgeCancel(payload.job_id, { message: CANCELLED_MESSAGE });
    this.logger.log(`Job ${payload.job_id}: cancelled`);
    await this.afterTerminal(payload, record, 'cancelled', startedAt);
  }

  /**
   * A job given up outside the pipeline — a payload that does not validate (`invalid_payload`), a job that
   * stopped its workers too often (`stalled`): its record, if there is one and it has not ended, fails
   * (`unknown_error`) in the step it was in (none while queued). With the job's `payload` (a valid one), the
   * user who asked is notified and the callback sent, as for any failure.
   */
  async givenUp(jobId: string, code: string, detail: string, payload: PublishJobPayload | null): Promise<void> {
    let record: JobRecord;
    try {
      const current = await this.jobs.get(jobId);
      if (!current || isTerminalJobState(current.status)) return;
      const step = current.status === 'queued' ? null : current.status;
      record = await this.jobs.update(jobId, { status: 'failed', failure_reason: 'unknown_error', message: publicationFailed(detail), failure: { code, step, message: detail } });
    } catch (error) {
      this.logger.warn(`Job ${jobId}: could not record why it was given up (${this.text(error)})`);
      return;
    }
    if (payload) await this.afterTerminal(payload, record, 'failed', null);
  }

  /** Notifies the user who asked; a job nobody asked for (no `initiated_by`) notifies nobody, as the original. */
  async notify(input: NotificationInput): Promise<void> {
    if (!input.user_id) return;
    try {
      await this.notifications.create(input);
    } catch (error) {
      this.logger.warn(`Job ${input.job_id}: notification "${input.title}" not stored (${this.text(error)})`);
    }
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
    if (startedAt !== null) {
      try {
        this.metrics.jobFinished(payload.solution, state, Date.now() - startedAt);
      } catch (error) {
        this.logger.warn(`metrics: ${this.text(error)}`);
      }
    }
  }

  private text(error: unknown): string {
    return this.redactor.redact(error instanceof Error ? error.message : String(error));
  }
}
