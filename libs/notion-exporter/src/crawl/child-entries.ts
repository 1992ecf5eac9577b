import type { NotionGateway } from '../api/notion-gateway';
import { NotionExportError } from '../errors/export-error';
import type { ChildEntry } from '../manifest/export-manifest';
import type { ExportWarning } from '../types';
import type { BlockNode } from './block-node';

async function dataSourcesOf(gateway: NotionGateway, warn: (w: ExportWarning) => void, pageId: string, databaseId: string): Promise<string[] | undefined> {
  try {
    const database = await gateway.retrieveDatabase(databaseId);
    return database.data_sources.map((d) => d.id);
  } catch (error) {
    if (!(error instanceof NotionExportError) || !['page_not_found', 'no_access'].includes(error.code)) throw error;
    warn({ code: 'database_unavailable', pageId, blockId: databaseId, message: `Database ${databaseId} could not be read (${error.code}); its rows are left out.` });
    return undefined;
  }
}

/** Sub-pages and databases of a page in document order, also inside toggles, columns and synced blocks. */
export async function childEntries(gateway: NotionGateway, warn: (w: ExportWarning) => void, pageId: string, blocks: BlockNode[]): Promise<ChildEntry[]> {
  const entries: ChildEntry[] = [];
  const walk = async (nodes: BlockNode[]): Promise<void> => {
    for (const { block, children } of nodes) {
      if (block.type === 'child_page') entries.push({ type: 'page', id: block.id });
      else if (block.type === 'child_database') {
        const dataSourceIds = await dataSourcesOf(gateway, warn, pageId, block.id);
        if (dataSourceIds) entries.push({ type: 'database', id: block.id, title: block.child_database.title, dataSourceIds });
      } else await walk(children);
    }
  };
  await walk(blocks);
  return entries;
}

/** The synced blocks a page shows, by original block id (an original is its own id). */
export function syncedOriginals(blocks: BlockNode[]): string[] {
  const ids = new Set<string>();
  const walk = (nodes: BlockNode[]): void => {
    for (const { block, children } of nodes) {
      if (block.type === 'synced_block') ids.add(block.synced_block.synced_from?.block_id ?? block.id);
      walk(children);
    }
  };
  walk(blocks);
  return [...ids].sort();
}
