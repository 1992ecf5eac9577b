import { posix } from 'node:path';
import type { WriteSolutionResult } from '@zmp-manual/docusaurus-writer';
import type { ManualNode } from '@zmp-manual/notion-exporter';
import { outputFiles } from '../write/file-changes';

/**
 * The original's `export_files`: the files under the exported path, `_category_.json` included — the whole
 * `docs/<solution>/` for the root page, the directory's folder for a directory, 1 for a page.
 */
export function countExportFiles(write: WriteSolutionResult, solution: string, asked: ManualNode, isDirectory: boolean): number {
  const docs = `docs/${solution}/`;
  const files = outputFiles(write).filter((path) => path.startsWith(docs));
  if (asked.parentId === null) return files.length;
  if (isDirectory && asked.isDirectory) {
    const folder = `${docs}${posix.dirname(asked.relativePath)}/`;
    return files.filter((path) => path.startsWith(folder)).length;
  }
  return files.includes(`${docs}${asked.relativePath}`) ? 1 : 0;
}
