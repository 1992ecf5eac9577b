import type { MentionRichTextItemResponse, RichTextItemResponseCommon } from '@notionhq/client';
import { DEFAULT_ANNOTATIONS } from './rich-text';
import type { RichText } from './rich-text';
import { notionShortUrl } from './ids';

export type MentionItem = RichTextItemResponseCommon & MentionRichTextItemResponse;

function item(mention: MentionItem['mention'], plainText: string, href: string | null): RichText {
  return { type: 'mention', mention, annotations: { ...DEFAULT_ANNOTATIONS }, plain_text: plainText, href };
}

/**
 * Mentions. The plain text of page, database and user mentions is filled in by `WorkspaceBuilder`
 * from the workspace (the page title, `@` + the user's name), as Notion does; the argument given here
 * is only kept for targets outside the workspace.
 */
export const mention = {
  page: (id: string, title = 'Untitled'): RichText => item({ type: 'page', page: { id } }, title, notionShortUrl(id)),
  database: (id: string, title = 'Untitled'): RichText =>
    item({ type: 'database', database: { id } }, title, notionShortUrl(id)),
  user: (id: string, name = 'Anonymous'): RichText =>
    item({ type: 'user', user: { object: 'user', id } }, `@${name}`, null),
  /** A date (`2025-03-01`) or date-time, optionally a range; plain text `start` or `start → end`. */
  date: (start: string, end?: string): RichText =>
    item({ type: 'date', date: { start, end: end ?? null, time_zone: null } }, end ? `${start} → ${end}` : start, null),
};

/** Type guard used when the builder resolves mentions. */
export function isMention(value: unknown): value is MentionItem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { type?: unknown; mention?: unknown; plain_text?: unknown };
  return candidate.type === 'mention' && typeof candidate.mention === 'object' && typeof candidate.plain_text === 'string';
}
