import type { NotionGateway } from '../api/notion-gateway';
import { NotionExportError } from '../errors/export-error';
import type { ExportManifest } from '../manifest/export-manifest';
import { parentPageId } from './page-properties';
import type { CrawledPage } from './tree-crawler';

/**
 * Finds the pages whose sub-page list, kept from the previous manifest, no longer matches Notion: a page
 * is trusted when its `last_edited_time` did not move, but a move or a deletion below it may not have
 * moved it. Each page's own `parent` (read anyway) tells: a page listed by one page but whose parent is
 * another, a listed sub-page now in the trash, or a page of the previous export that nobody
 * lists any more but whose parent is in the tree. Costs no call when nothing moved; one `pages.retrieve`
 * per page of the previous export that is no longer listed anywhere.
 */
export class TreeReconciler {
  private readonly checked = new Set<string>();

  constructor(
    private readonly gateway: NotionGateway,
    private readonly previous: ExportManifest,
    private readonly pages: Map<string, CrawledPage>,
    private readonly seen: { trashed: ReadonlySet<string>; visited: ReadonlySet<string> },
  ) {}

  /** Kept pages to list again (empty when the tree is consistent). */
  async staleParents(): Promise<string[]> {
    const stale = new Set<string>();
    for (const crawled of this.pages.values()) {
      if (crawled.previous && crawled.children.some((c) => c.type === 'page' && this.leftFor(c.id, crawled.id))) stale.add(crawled.id);
      const parent = parentPageId(crawled.page);
      if (parent && parent !== crawled.id && this.missingFrom(parent, crawled.id)) stale.add(parent);
    }
    if (stale.size === 0) {
      for (const id of Object.keys(this.previous.pages).sort()) {
        if (this.seen.visited.has(id) || this.checked.has(id)) continue;
        this.checked.add(id);
        const parent = await this.currentParent(id);
        if (parent && this.missingFrom(parent, id)) stale.add(parent);
      }
    }
    return [...stale].sort();
  }

  /** A sub-page listed by `listerId` that is gone, or that Notion now places under another page. */
  private leftFor(childId: string, listerId: string): boolean {
    if (this.seen.trashed.has(childId)) return true;
    const child = this.pages.get(childId);
    const parent = child ? parentPageId(child.page) : undefined;
    return parent !== undefined && parent !== listerId;
  }

  /** `parentId` is a kept page of the tree whose sub-page list lacks `childId`. */
  private missingFrom(parentId: string, childId: string): boolean {
    const parent = this.pages.get(parentId);
    return parent?.previous !== undefined && !parent.children.some((c) => c.id === childId);
  }

  private async currentParent(id: string): Promise<string | undefined> {
    try {
      const page = await this.gateway.retrievePage(id);
      return page.in_trash || page.archived ? undefined : parentPageId(page);
    } catch (error) {
      if (error instanceof NotionExportError && (error.code === 'page_not_found' || error.code === 'no_access')) return undefined;
      throw error;
    }
  }
}
