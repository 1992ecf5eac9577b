import type { ExportPageOptions, ExportPageResult } from '../types';
import { runExport } from './export-runner';

/**
 * Exports one page on its own (no sub-pages): a document at `<slug>.mdx`. Links to other pages point
 * at Notion, since their documents are not part of this export.
 */
export async function exportPage(options: ExportPageOptions): Promise<ExportPageResult> {
  const { pageId, ...rest } = options;
  const result = await runExport({ ...rest, rootPageId: pageId, descend: false });
  return { document: result.documents[0], assets: result.assets, stats: result.stats };
}
