import { Inject, Injectable } from '@nestjs/common';
import type { JobRecord, JobStore } from '@zmp-manual/job-events';
import { JOB_STORE } from '../api.tokens';
import { mayAccess } from '../auth/auth-user';
import type { AuthUser } from '../auth/auth-user';
import { ApiError } from '../errors/api-error';

/** Finds a job for a user: 404 when it does not exist, 403 when it is another user's (admins see every job). */
@Injectable()
export class JobAccessService {
  constructor(@Inject(JOB_STORE) private readonly jobs: JobStore) {}

  async find(jobId: string, user: AuthUser, forbidden = 'Not authorized to view this job'): Promise<JobRecord> {
    const record = await this.jobs.get(jobId);
    if (record === null) throw ApiError.notFound('Job not found', 'job_not_found');
    if (!mayAccess(user, record.initiated_by)) throw ApiError.forbidden(forbidden, 'job_forbidden');
    return record;
  }
}
