import type { ExportResult, ExportTreeOptions } from '../types';
import { runExport } from './export-runner';

/**
 * Exports the page tree under `rootPageId`: the manual tree, one MDX document per page, the
 * Notion-hosted files, stats, and a manifest that makes the next export incremental.
 */
export async function exportTree(options: ExportTreeOptions): Promise<ExportResult> {
  const { tree, documents, assets, stats, manifest } = await runExport({ ...options, descend: true });
  return { tree, documents, assets, stats, manifest };
}
