const DASHED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COMPACT = /^[0-9a-f]{32}$/i;

/**
 * A Notion page id (32 hex digits, dashed or not) in its dashed, lower-case form, or `undefined` when the
 * text is not one. Nothing else (URLs, titles) is accepted: the queue payload carries ids.
 */
export function parseNotionId(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  if (!DASHED.test(trimmed) && !COMPACT.test(trimmed)) return undefined;
  const hex = trimmed.replace(/-/g, '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
