import { z } from 'zod';
import { payloadError } from './payload-error';

export const PUBLISH_JOB_PAYLOAD_VERSION = 1;

/**
 * The payload of a job on the `publish` queue, version 1: what the API enqueues and the worker validates
 * on dequeue. A change that is not backwards compatible makes version 2, and the worker accepts both.
 */
export const publishJobPayloadSchema = z
  .object({
    version: z.literal(PUBLISH_JOB_PAYLOAD_VERSION),
    job_id: z.string().min(1),
    notion_page_id: z.string().min(1),
    /** A configured solution's key (`zcp`, `apim`, … — solutions are data, not a fixed enum). */
    solution: z.string().min(1),
    target_languages: z.array(z.string().min(1)),
    title: z.string().nullable(),
    is_directory: z.boolean(),
    parent_id: z.string().nullable(),
    initiated_by: z.string().nullable(),
    /** Called by the worker when the job ends (optional). */
    callback_url: z.url().optional(),
    /** UTC ISO 8601 with `Z`. */
    requested_at: z.iso.datetime(),
  })
  .strict();

export type PublishJobPayload = z.infer<typeof publishJobPayloadSchema>;

/** Validates an unknown value (e.g. a dequeued job's data); throws `JobPayloadError` naming the bad field. */
export function parsePublishJobPayload(input: unknown): PublishJobPayload {
  const result = publishJobPayloadSchema.safeParse(input);
  if (result.success) return result.data;
  throw payloadError('publish job payload', result.error);
}
