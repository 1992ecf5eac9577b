import type { JobRecord } from '@zmp-manual/job-events';
import { toPublishStatus } from '@zmp-manual/job-events';
import { z } from 'zod';

/**
 * The body a callback POSTs: the original's 14 `PublishStatus` keys in its order, then our own fields that a
 * build system or CMS connector can use. Not sent: `log`, `worker` (internal) and `callbacks` (the
 * deliveries themselves).
 */
export function callbackBody(record: JobRecord): string {
  return JSON.stringify({
    ...toPublishStatus(record),
    created_at: record.created_at,
    started_at: record.started_at,
    finished_at: record.finished_at,
    updated_at: record.updated_at,
    attempt: record.attempt,
    counters: record.counters,
    commits: record.commits,
    artifact: record.artifact,
    failure: record.failure,
    target_languages: record.target_languages,
    cancel_requested_at: record.cancel_requested_at,
  });
}

export const CALLBACK_PAYLOAD_VERSION = 1;

/**
 * The data of a `callback` job on the `maintenance` queue, version 1. The body is made once, when the job
 * ends, so every attempt sends the same bytes under the same `webhook-id` (only the timestamp and the
 * signature change).
 */
export const callbackJobSchema = z
  .object({
    version: z.literal(CALLBACK_PAYLOAD_VERSION),
    job_id: z.string().min(1),
    url: z.string().min(1),
    webhook_id: z.string().min(1),
    body: z.string(),
  })
  .strict();

export type CallbackJobData = z.infer<typeof callbackJobSchema>;
