import { z } from 'zod';
import { payloadError } from './payload-error';

export const NOTION_REFRESH_PAYLOAD_VERSION = 1;

/**
 * The payload of a `notion-refresh` job on the `maintenance` queue, version 1: a Notion webhook event the API
 * accepted for a solution's page, to be merged per page (debounced) and turned into a manuals-cache refresh.
 * A change that is not backwards compatible makes version 2, and the worker accepts both.
 */
export const notionRefreshPayloadSchema = z
  .object({
    version: z.literal(NOTION_REFRESH_PAYLOAD_VERSION),
    /** A configured solution's key (`zcp`, …). */
    solution: z.string().min(1),
    /** The page the event is about, dashed or not. */
    page_id: z.string().min(1),
    /** Notion's event type (`page.content_updated`, `page.deleted`, …); every type refreshes the same way. */
    event_type: z.string().min(1),
    /** Notion's event id (the API de-duplicates on it). */
    event_id: z.string().min(1),
    /** When the API received the event, UTC ISO 8601 with `Z`. */
    received_at: z.iso.datetime(),
  })
  .strict();

export type NotionRefreshPayload = z.infer<typeof notionRefreshPayloadSchema>;

/** Validates an unknown value (a dequeued job's data); throws `JobPayloadError` naming the bad field. */
export function parseNotionRefreshPayload(input: unknown): NotionRefreshPayload {
  const result = notionRefreshPayloadSchema.safeParse(input);
  if (result.success) return result.data;
  throw payloadError('notion refresh payload', result.error);
}
