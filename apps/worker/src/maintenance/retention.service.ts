import { Inject, Injectable, Logger } from '@nestjs/common';
import { ArtifactStore, JobStore, NotificationStore } from '@zmp-manual/job-events';
import { ARTIFACT_STORE } from '../artifacts/artifacts.tokens';
import { JOB_STORE, NOTIFICATION_STORE, WORKER_CONFIG } from '../worker.tokens';
import type { WorkerConfig } from '../worker.tokens';

export interface RetentionCounts {
  /** Finished jobs older than the cut-off were deleted before it (UTC ISO). */
  cutoff: string;
  jobs: number;
  artifacts: number;
  notifications: number;
}

/**
 * The retention sweep: finished jobs (record, stream, cancel flag) and notifications older than
 * `JOB_RETENTION_DAYS`, and the artifact of each deleted job (artifacts also expire on their own after
 * `ARTIFACT_RETENTION_DAYS`). Running jobs are never touched.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @Inject(JOB_STORE) private readonly jobs: JobStore,
    @Inject(NOTIFICATION_STORE) private readonly notifications: NotificationStore,
    @Inject(ARTIFACT_STORE) private readonly artifacts: ArtifactStore,
  ) {}

  async sweep(now: Date = new Date()): Promise<RetentionCounts> {
    const cutoff = new Date(now.getTime() - this.config.retention.jobMaxAgeMs);
    let artifacts = 0;
    const jobs = await this.jobs.deleteFinishedBefore(cutoff, {
      onDeleted: async (jobId) => {
        if (await this.artifacts.delete(jobId)) artifacts += 1;
      },
    });
    const notifications = await this.notifications.prune(cutoff);
    const counts = { cutoff: cutoff.toISOString(), jobs, artifacts, notifications };
    this.logger.log(`retention sweep before ${counts.cutoff}: ${jobs} jobs, ${artifacts} artifacts, ${notifications} notifications deleted`);
    return counts;
  }
}
