import { z } from 'zod';

/** FastAPI's words for a missing field, else for a value of the wrong kind. */
const required = (kind: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? 'Field required' : `Input should be a valid ${kind}`) });

/** A required, bounded string. */
const text = (max: number) =>
  z
    .string(required('string'))
    .min(1, { error: 'String should have at least 1 character' })
    .max(max, { error: `String should have at most ${max} characters` });

/**
 * A Notion webhook event (API version 2025-09-03), as far as the API reads it; other fields are let through.
 * `page.*` events name the page in `entity`; others (comments, …) may carry `data.page_id`.
 */
export const notionEventSchema = z.looseObject({
  id: text(200),
  timestamp: text(64).refine((value) => !Number.isNaN(Date.parse(value)), { error: 'Input should be a valid ISO 8601 datetime' }),
  type: text(200),
  entity: z.looseObject({ id: text(200), type: text(100) }, required('dictionary')),
  data: z
    .looseObject({
      page_id: text(200).optional(),
      parent: z.looseObject({ id: text(200), type: text(100) }, required('dictionary')).optional(),
    }, required('dictionary'))
    .optional(),
  workspace_id: text(200).optional(),
});

export type NotionEvent = z.output<typeof notionEventSchema>;

const NOTION_ID = /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The page an event is about: `entity.id` for `page.*` events, else `data.page_id`; `null` when none. */
export function eventPageId(event: NotionEvent): string | null {
  return (event.type.startsWith('page.') ? event.entity.id : event.data?.page_id) ?? null;
}

/** Whether `id` is a Notion id (32 hex digits, dashed or not). */
export const isNotionId = (id: string) => NOTION_ID.test(id);
