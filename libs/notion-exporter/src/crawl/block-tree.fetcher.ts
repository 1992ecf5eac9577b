import type { BlockObjectResponse } from '@notionhq/client';
import type { NotionGateway } from '../api/notion-gateway';
import { NotionExportError } from '../errors/export-error';
import type { ExportWarning } from '../types';
import type { BlockNode } from './block-node';

/** Blocks whose children are other pages' bodies or database rows: never fetched from the parent. */
const NOT_DESCENDED = new Set<string>(['child_page', 'child_database']);

/**
 * Fetches a page's block tree: each block with children is listed exactly once per run. Synced blocks
 * share one listing per original (a reference lists the original's children), so a synced block used
 * on three pages costs one call, not three.
 */
export class BlockTreeFetcher {
  private readonly synced = new Map<string, Promise<BlockNode[]>>();

  constructor(
    private readonly gateway: NotionGateway,
    private readonly warn: (warning: ExportWarning) => void,
  ) {}

  pageBlocks(pageId: string): Promise<BlockNode[]> {
    return this.subtree(pageId, pageId);
  }

  private async subtree(pageId: string, blockId: string): Promise<BlockNode[]> {
    const blocks = await this.gateway.listChildren(blockId);
    return Promise.all(blocks.map(async (block) => ({ block, children: await this.childrenOf(pageId, block) })));
  }

  private async childrenOf(pageId: string, block: BlockObjectResponse): Promise<BlockNode[]> {
    if (!block.has_children || NOT_DESCENDED.has(block.type)) return [];
    try {
      if (block.type === 'synced_block') {
        const key = block.synced_block.synced_from?.block_id ?? block.id;
        let listing = this.synced.get(key);
        if (!listing) {
          listing = this.subtree(pageId, block.id);
          this.synced.set(key, listing);
        }
        return await listing;
      }
      return await this.subtree(pageId, block.id);
    } catch (error) {
      if (error instanceof NotionExportError && (error.code === 'page_not_found' || error.code === 'no_access')) {
        this.warn({
          code: 'block_unavailable',
          pageId,
          blockId: block.id,
          message: `The children of ${block.type} block ${block.id} could not be read (${error.code}); they are left out.`,
        });
        return [];
      }
      throw error;
    }
  }
}
