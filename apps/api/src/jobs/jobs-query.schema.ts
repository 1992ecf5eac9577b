import type { JobState } from '@zmp-manual/job-events';
import { JOB_STATES, isJobState } from '@zmp-manual/job-events';
import { z } from 'zod';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_LIMIT = 10;
export const DEFAULT_PAGE_SIZE = 20;

/** A query-string integer in `min..max` (a repeated parameter or text is refused). */
const integerParam = (name: string, min: number, max: number) =>
  z
    .string({ error: `${name} must be an integer between ${min} and ${max}` })
    .regex(/^\d{1,9}$/, { error: `${name} must be an integer between ${min} and ${max}` })
    .transform(Number)
    .refine((value) => value >= min && value <= max, { error: `${name} must be an integer between ${min} and ${max}` })
    .optional();

/**
 * `GET /jobs`: the original's `?status=&limit=` (1–100, default 10) and our `?page=&size=` (size 1–100, default
 * 20), plus `initiated_by` (admins: one user's jobs). Unknown parameters are ignored.
 */
export const jobsQuerySchema = z.object({
  status: z
    .string({ error: `status must be one of: ${JOB_STATES.join(', ')}` })
    .refine(isJobState, { error: `status must be one of: ${JOB_STATES.join(', ')}` })
    .transform((status) => status as JobState)
    .optional(),
  limit: integerParam('limit', 1, MAX_PAGE_SIZE),
  page: integerParam('page', 1, 1_000_000),
  size: integerParam('size', 1, MAX_PAGE_SIZE),
  initiated_by: z.string({ error: 'initiated_by must be a user name' }).min(1, { error: 'initiated_by must be a user name' }).optional(),
});

export type JobsQuery = z.output<typeof jobsQuerySchema>;
