import { JobStoreError } from '@zmp-manual/job-events';
import type { JobStore, JobUpdate } from '@zmp-manual/job-events';
import type { PipelineReporter, PipelineUpdate } from '@zmp-manual/publish-pipeline';
import type { SecretRedaction } from '../worker.tokens';

/** A pipeline report as a job-record update of this `attempt`; text is passed through `redact`. */
export function toJobUpdate(update: PipelineUpdate, attempt: number, redact: (text: string) => string = (t) => t): JobUpdate {
  const patch: JobUpdate = { attempt };
  if (update.status !== undefined) patch.status = update.status;
  if (update.message !== undefined) patch.message = redact(update.message);
  if (update.total_progress !== undefined) patch.total_progress = update.total_progress;
  if (update.export_progress !== undefined) patch.export_progress = update.export_progress;
  if (update.translation_progress !== undefined) patch.translation_progress = update.translation_progress;
  if (update.export_files !== undefined) patch.export_files = update.export_files;
  if (update.counters !== undefined) patch.counters = { ...update.counters };
  if (update.commits !== undefined) {
    const commits: JobUpdate['commits'] = {};
    if (update.commits.export) commits.export = update.commits.export;
    if (update.commits.translation) commits.translation = update.commits.translation;
    patch.commits = commits;
  }
  if (update.log?.length) patch.log = update.log.map(redact);
  return patch;
}

/**
 * The commit shas of an update that may reach the job record: only those reported in the `pushing` step,
 * i.e. after the push went through (the pipeline reports the shas that landed then). A sha reported at
 * `export_commit` or `translation_commit` names a commit of the working copy that a later failure, cancel or
 * killed worker leaves unpushed (and the next sync resets): the record never shows it.
 */
export function withLandedCommitsOnly(update: PipelineUpdate, step: string | null): PipelineUpdate {
  if (update.commits === undefined || step === 'pushing') return update;
  const { commits: _unpushed, ...rest } = update;
  return rest;
}

/**
 * The worker's reporter: every pipeline update becomes `JobStore.update` with the attempt this worker
 * started (commit shas only once pushed, see `withLandedCommitsOnly`). When the store answers
 * `stale_attempt`, another worker has taken the job over (this one was thought dead): `onStale` stops the
 * pipeline and the error goes back to it, so nothing more is written.
 */
export class JobRecordReporter implements PipelineReporter {
  private staleError: JobStoreError | null = null;
  private step: string | null = null;

  constructor(
    private readonly options: {
      jobs: JobStore;
      jobId: string;
      attempt: number;
      redactor: SecretRedaction;
      onStale: (error: JobStoreError) => void;
    },
  ) {}

  /** Set once the store refused an update as `stale_attempt`. */
  get stale(): JobStoreError | null {
    return this.staleError;
  }

  /** The step last reported (for a failure that names none). */
  get lastStep(): string | null {
    return this.step;
  }

  async report(update: PipelineUpdate): Promise<void> {
    if (this.staleError) throw this.staleError;
    if (update.status !== undefined) this.step = update.status;
    const { jobs, jobId, attempt, redactor } = this.options;
    try {
      await jobs.update(jobId, toJobUpdate(withLandedCommitsOnly(update, this.step), attempt, (text) => redactor.redact(text)));
    } catch (error) {
      if (error instanceof JobStoreError && error.code === 'stale_attempt') {
        this.staleError = error;
        this.options.onStale(error);
      }
      throw error;
    }
  }
}
