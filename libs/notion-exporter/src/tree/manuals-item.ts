import type { ManualNode } from '../types';

/** One item of the original service's `GET /manuals` answer (snake_case, as its frontend reads it). */
export interface ManualsItem {
  object_id: string;
  /** The page's slug, not its display title (as the original service sent it). */
  title: string;
  is_directory: boolean;
  parent_id: string | null;
  notion_url: string;
  /** 1-based position among siblings. */
  index: number;
  /** `2025-03-05T02:10:00+00:00` (Python's `isoformat()` of an aware datetime), or null. */
  last_edited_time: string | null;
  last_edited_by: string | null;
  last_editor_avatar_url: string | null;
}

/** `2025-03-05T02:10:00.000Z` → `2025-03-05T02:10:00+00:00` (`.123000` kept when there are milliseconds). */
function pythonIsoTime(iso: string | null): string | null {
  if (iso === null) return null;
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  const [seconds, ms] = time.toISOString().slice(0, -1).split('.');
  return `${seconds}${ms === '000' ? '' : `.${ms}000`}+00:00`;
}

/**
 * The tree as the original service's `GET /manuals` items: the same flat pre-order list (root first),
 * each node in the original's snake_case shape, for APIs that must stay wire-compatible with it.
 */
export function toManualsItems(tree: readonly ManualNode[]): ManualsItem[] {
  return tree.map((node) => ({
    object_id: node.id,
    title: node.slug,
    is_directory: node.isDirectory,
    parent_id: node.parentId,
    notion_url: node.notionUrl,
    index: node.index,
    last_edited_time: pythonIsoTime(node.lastEditedTime),
    last_edited_by: node.lastEditedBy,
    last_editor_avatar_url: node.lastEditorAvatarUrl,
  }));
}
