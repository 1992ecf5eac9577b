import type { NotificationInput } from '@zmp-manual/job-events';
import type { ManualNode, ManualsItem } from '@zmp-manual/notion-exporter';
import { pageKey } from '@zmp-manual/queue-contract';

/**
 * The system-wide notifications of a refresh, as the original sent them (its contract §5.4): "{SOL} Manuals
 * Updated" with the page's manuals item as `node` (null when the page is not in the tree any more), then
 * "{SOL} Document Updated" with `"{full slug path} page is updated"` — or, for a page that left the tree,
 * `"Document {id} was updated via webhook."`.
 */
export function refreshedNotifications(solution: string, pageId: string, tree: readonly ManualNode[], items: readonly ManualsItem[]): NotificationInput[] {
  const sol = solution.toUpperCase();
  const at = tree.findIndex((node) => pageKey(node.id) === pageKey(pageId));
  const node = at < 0 ? null : tree[at];
  const item = at < 0 ? null : items[at];
  const root = tree[0];
  const fullPath = node && root ? [root.slug, ...node.slugPath].join('/') : null;
  return [
    {
      status: 'info',
      title: `${sol} Manuals Updated`,
      message: `The ${sol} manuals were refreshed from Notion (${items.length} pages).`,
      solution,
      user_id: null,
      notification_type: 'document_update',
      node: item ? { ...item } : null,
    },
    {
      status: 'info',
      title: `${sol} Document Updated`,
      message: fullPath !== null ? `${fullPath} page is updated` : `Document ${pageId} was updated via webhook.`,
      solution,
      user_id: null,
      notification_type: 'document_update',
      node: {
        notion_page_id: node?.id ?? pageId,
        parent_id: node?.parentId ?? null,
        last_edited_by: item?.last_edited_by ?? null,
        last_edited_time: item?.last_edited_time ?? null,
      },
    },
  ];
}

/** "{SOL} Update Failed": the refresh gave up (after its last attempt). */
export function refreshFailedNotification(solution: string, pageId: string, reason: string): NotificationInput {
  const sol = solution.toUpperCase();
  return {
    status: 'error',
    title: `${sol} Update Failed`,
    message: `Updating the ${sol} manuals after a change of page ${pageId} failed: ${reason}`,
    solution,
    user_id: null,
    notification_type: 'document_update',
    node: { notion_page_id: pageId },
  };
}
