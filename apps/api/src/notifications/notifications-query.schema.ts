import { z } from 'zod';

const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = { true: true, '1': true, false: false, '0': false };

/** A query flag: `true`/`false`/`1`/`0` (any case), `fallback` when absent; anything else is a 422. */
export const booleanParam = (fallback: boolean) =>
  z
    .string({ error: 'must be true, false, 1 or 0' })
    .trim()
    .toLowerCase()
    .refine((value) => value in BOOLEAN_WORDS, { error: 'must be true, false, 1 or 0' })
    .transform((value) => BOOLEAN_WORDS[value])
    .optional()
    .transform((value) => value ?? fallback);

/** `?limit=` of `GET /notifications`: an integer 1..100, default 50 (the original's bounds). */
const limitParam = z
  .string({ error: 'must be an integer' })
  .trim()
  .regex(/^[+-]?\d+$/, { error: 'must be an integer' })
  .transform(Number)
  .pipe(z.number().min(1, { error: 'must be at least 1' }).max(100, { error: 'must be at most 100' }))
  .optional()
  .transform((value) => value ?? 50);

const jobIdParam = z.string({ error: 'must be a job id' }).trim().min(1, { error: 'must not be empty' }).optional();

/** `GET /notifications?limit=50&include_read=false&job_id=&all=false` (`all`: every user's, admins only). */
export const notificationListQuerySchema = z.object({
  limit: limitParam,
  include_read: booleanParam(false),
  job_id: jobIdParam,
  all: booleanParam(false),
});
export type NotificationListQuery = z.output<typeof notificationListQuerySchema>;

/** `GET /notifications/latest?include_read=false&job_id=`. */
export const notificationLatestQuerySchema = z.object({
  include_read: booleanParam(false),
  job_id: jobIdParam,
});
export type NotificationLatestQuery = z.output<typeof notificationLatestQuerySchema>;

/** `GET /notifications/stream?include_read=false` (the stream also reads `last_event_id` and `ticket`). */
export const notificationStreamQuerySchema = z.object({
  include_read: booleanParam(false),
});
