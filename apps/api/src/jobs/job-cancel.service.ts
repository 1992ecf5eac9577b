import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable } from '@nestjs/common';
import type { JobCancellation, JobRecord } from '@zmp-manual/job-events';
import { isTerminalJobState } from '@zmp-manual/job-events';
import { PUBLISH_QUEUE, withdrawQueuedPublish } from '@zmp-manual/queue-contract';
import type { Queue } from 'bull';
import { JOB_CANCELLATION } from '../api.tokens';
import type { AuthUser } from '../auth/auth-user';
import { ApiError } from '../errors/api-error';
import { JobAccessService } from './job-access.service';
import { jobView } from './job-view';
import type { JobView } from './job-view';

/** 202: the cancel is requested and the worker will stop; 200: the job was cancelled at once (it never started). */
export interface CancelAnswer {
  status: 200 | 202;
  job: JobView;
}

/**
 * `POST /jobs/{id}/cancel`: sets the durable cancel flag (the job becomes `cancel_requested`). A job no worker
 * has taken yet is withdrawn from the queue and cancelled at once, since no worker will acknowledge it.
 */
@Injectable()
export class JobCancelService {
  constructor(
    private readonly access: JobAccessService,
    @Inject(JOB_CANCELLATION) private readonly cancellation: JobCancellation,
    @InjectQueue(PUBLISH_QUEUE) private readonly queue: Queue,
  ) {}

  async cancel(jobId: string, user: AuthUser): Promise<CancelAnswer> {
    const before = await this.access.find(jobId, user, 'Not authorized to cancel this job');
    if (isTerminalJobState(before.status)) throw alreadyFinished(before);
    const { outcome, job } = await this.cancellation.requestCancel(jobId);
    if (outcome === 'already_finished') throw alreadyFinished(job);
    // Never started: take it out of the queue if no worker has it yet (Bull removes only a job nobody holds).
    if (job.attempt === 0 && (await withdrawQueuedPublish(this.queue, jobId)) === 'removed') {
      const cancelled = await this.cancellation.acknowledgeCancel(jobId, { message: 'Cancelled before a worker took it' });
      return { status: 200, job: jobView(cancelled) };
    }
    return { status: 202, job: jobView(job) };
  }
}

/** A job that ended (completed, failed or cancelled already) has nothing to cancel: 409 naming how it ended. */
const alreadyFinished = (job: JobRecord) => ApiError.conflict(`Job already finished (${job.status})`, 'job_finished');
