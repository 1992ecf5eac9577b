import type { ManualsCacheItem } from '@zmp-manual/job-events';

/** A page id compared without dashes, case-insensitively. */
export const comparableId = (id: string) => id.replace(/-/g, '').toLowerCase();

/** The items of a tree by comparable id. */
export function indexItems(items: readonly ManualsCacheItem[]): Map<string, ManualsCacheItem> {
  return new Map(items.map((item) => [comparableId(item.object_id), item]));
}

/**
 * The slugs from the root down to `pageId`, joined by `/` (`zcp/getting-started/install`, the original's
 * `get_full_title_path`), following `parent_id`; `null` when the page is not in the tree.
 */
export function titlePathOf(byId: ReadonlyMap<string, ManualsCacheItem>, pageId: string): string | null {
  let node = byId.get(comparableId(pageId));
  if (!node) return null;
  const slugs: string[] = [];
  const seen = new Set<ManualsCacheItem>();
  while (node && !seen.has(node)) {
    seen.add(node);
    slugs.push(node.title);
    node = node.parent_id === null ? undefined : byId.get(comparableId(node.parent_id));
  }
  return slugs.reverse().join('/');
}
