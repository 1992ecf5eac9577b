import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { ManualsCacheStore, NotionRefreshPayload } from '@zmp-manual/job-events';
import { NotificationStore } from '@zmp-manual/job-events';
import type { ManualsItem } from '@zmp-manual/notion-exporter';
import { crawlTree, toManualsItems } from '@zmp-manual/notion-exporter';
import { NOTIFICATION_STORE, SECRET_REDACTOR } from '../worker.tokens';
import type { SecretRedaction } from '../worker.tokens';
import { MANUALS_CACHE } from './maintenance.tokens';
import { NOTION_TREE_SOURCE } from './notion-tree-source';
import type { NotionTreeSource } from './notion-tree-source';
import { refreshFailedNotification, refreshedNotifications } from './refresh-notifications';

export interface RefreshOptions {
  signal?: AbortSignal;
  /** Whether a failure is final (no attempt left): only then is "{SOL} Update Failed" sent. */
  lastAttempt: boolean;
}

export interface RefreshResult {
  solution: string;
  pages: number;
  /** Whether the page of the event is in the tree (false once it was deleted or moved out). */
  pageInTree: boolean;
}

/**
 * A webhook-triggered refresh: crawl the solution's tree from its root page (a deleted page simply is not
 * in it any more), store it as the manuals cache (replicas are told through the `manuals` stream), and
 * notify everyone. Reads Notion and writes Redis only: no file is touched.
 */
@Injectable()
export class NotionRefreshService {
  private readonly logger = new Logger('NotionRefresh');

  constructor(
    @Inject(NOTION_TREE_SOURCE) private readonly source: NotionTreeSource,
    @Inject(MANUALS_CACHE) private readonly cache: ManualsCacheStore<ManualsItem>,
    @Inject(NOTIFICATION_STORE) private readonly notifications: NotificationStore,
    @Optional() @Inject(SECRET_REDACTOR) private readonly redactor?: SecretRedaction,
  ) {}

  async refresh(payload: NotionRefreshPayload, options: RefreshOptions): Promise<RefreshResult> {
    const { solution, page_id: pageId } = payload;
    let items: ManualsItem[];
    let notes: ReturnType<typeof refreshedNotifications>;
    try {
      const target = await this.source.forSolution(solution);
      const tree = await crawlTree({ ...target, signal: options.signal });
      items = toManualsItems(tree);
      await this.cache.put(solution, items);
      notes = refreshedNotifications(solution, pageId, tree, items);
    } catch (error) {
      const reason = this.redact(error instanceof Error ? error.message : String(error));
      this.logger.warn(`refresh of ${solution} for page ${pageId} failed${options.lastAttempt ? '' : ' (will retry)'}: ${reason}`);
      // A crawl stopped by the worker's shutdown is not a failed update: Bull runs it again.
      if (options.lastAttempt && !options.signal?.aborted) await this.notifications.create(refreshFailedNotification(solution, pageId, reason));
      throw error;
    }
    for (const note of notes) await this.notifications.create(note);
    const pageInTree = notes[0].node !== null;
    this.logger.log(`refreshed ${solution}: ${items.length} pages (event ${payload.event_type} ${payload.event_id}, page ${pageInTree ? 'in the tree' : 'gone'})`);
    return { solution, pages: items.length, pageInTree };
  }

  private redact(text: string): string {
    return this.redactor ? this.redactor.redact(text) : text;
  }
}
