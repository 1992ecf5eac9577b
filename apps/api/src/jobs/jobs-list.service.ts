import { Inject, Injectable } from '@nestjs/common';
import type { JobStore } from '@zmp-manual/job-events';
import { JOB_STORE } from '../api.tokens';
import type { AuthUser } from '../auth/auth-user';
import { ApiError } from '../errors/api-error';
import { jobListItem } from './job-view';
import type { JobListItem } from './job-view';
import { DEFAULT_LIMIT, DEFAULT_PAGE_SIZE } from './jobs-query.schema';
import type { JobsQuery } from './jobs-query.schema';

/** The original's bare array (`?limit=`), or our page (`?page=&size=`). */
export type JobsListBody = JobListItem[] | { items: JobListItem[]; total: number; page: number; size: number };

/**
 * `GET /jobs`, newest first: a user sees their own jobs, an admin everyone's or one user's (`initiated_by`).
 * Read from job-events' per-user and per-status indexes, so a page costs the same however many jobs exist.
 */
@Injectable()
export class JobsListService {
  constructor(@Inject(JOB_STORE) private readonly jobs: JobStore) {}

  async list(query: JobsQuery, user: AuthUser): Promise<{ body: JobsListBody; total: number }> {
    const initiatedBy = this.ownerFilter(query.initiated_by, user);
    const paginated = query.page !== undefined || query.size !== undefined;
    const page = await this.jobs.list(
      paginated
        ? { status: query.status, page: query.page ?? 1, size: query.size ?? DEFAULT_PAGE_SIZE, initiatedBy }
        : { status: query.status, limit: query.limit ?? DEFAULT_LIMIT, initiatedBy },
    );
    const items = page.items.map(jobListItem);
    return { body: paginated ? { items, total: page.total, page: page.page, size: page.size } : items, total: page.total };
  }

  /** Whose jobs to read: a non-admin's own only (asking for someone else's is 403); an admin's choice. */
  private ownerFilter(asked: string | undefined, user: AuthUser): string | undefined {
    if (user.isAdmin) return asked;
    if (asked !== undefined && asked !== user.username) throw ApiError.forbidden("Not authorized to view this user's jobs", 'jobs_forbidden');
    return user.username;
  }
}
