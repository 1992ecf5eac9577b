import type { Client } from '@notionhq/client';
import type { WriteSolutionResult } from '@zmp-manual/docusaurus-writer';
import type { ExportResult, ManualNode, RateLimiter, RateLimitOptions } from '@zmp-manual/notion-exporter';
import { countExportFiles } from '../export/export-files';
import { exportSolution } from '../export/export-solution';
import { exportProgress } from '../progress';
import { messages } from '../report/messages';
import type { RunReporter } from '../report/run-reporter';
import { composeSolution } from '../scope/compose-solution';
import type { Composition } from '../scope/compose-solution';
import { computeScope } from '../scope/publish-scope';
import { readSite } from '../site/site-reader';
import type { SiteContent } from '../site/site-reader';
import { writeDocuments } from '../write/site-writes';
import type { SiteTarget } from '../write/site-writes';

export interface ExportStepInput {
  target: SiteTarget;
  notion: Client;
  rateLimit?: RateLimiter | RateLimitOptions | false;
  rootPageId: string;
  /** The asked page (dashed) and whether its subtree goes with it. */
  pageId: string;
  isDirectory: boolean;
  statePath?: string;
  reporter: RunReporter;
}

export interface ExportStepResult {
  exported: ExportResult;
  composition: Composition;
  write: WriteSolutionResult;
  /** The original's `export_files` (see `countExportFiles`). */
  exportFiles: number;
}

/** What to write, from a whole-solution export and what the site holds (the scope computed against it). */
function composeWith(site: SiteContent, target: SiteTarget, exported: ExportResult, pageId: string, isDirectory: boolean): Composition {
  const sitePages = new Map(site.documents.map((document) => [document.pageId, document.relativePath]));
  const scope = computeScope({ tree: exported.tree, solution: target.solution, pageId, isDirectory, sitePages });
  return composeSolution(exported, site, scope);
}

/** Reads the site again and composes (a push's `reapply`, after the working copy moved to a new remote tip). */
export async function composeFromSite(target: SiteTarget, exported: ExportResult, pageId: string, isDirectory: boolean): Promise<Composition> {
  const site = await readSite({ root: target.root, solution: target.solution, signal: target.signal });
  return composeWith(site, target, exported, pageId, isDirectory);
}

/**
 * The export step: the whole solution exported from its root (incrementally), the scope computed against what
 * the site holds, the pages written (first write), and the original's "Exported N files successfully".
 */
export async function runExportStep(input: ExportStepInput): Promise<ExportStepResult> {
  const { target, reporter } = input;
  const before = await readSite({ root: target.root, solution: target.solution, signal: target.signal });
  const exported = await exportSolution({
    notion: input.notion,
    rateLimit: input.rateLimit,
    rootPageId: input.rootPageId,
    solution: target.solution,
    statePath: input.statePath,
    siteAssets: new Set(before.assets.map((asset) => asset.fileName)),
    reporter,
    signal: target.signal,
  });
  const composition = composeWith(before, target, exported, input.pageId, input.isDirectory);
  const asked = exported.tree.find((node) => node.id === input.pageId) as ManualNode;
  const inScope = new Set(composition.inScope.map((document) => document.pageId));
  const log = exported.stats.warnings
    .filter((warning) => inScope.has(warning.pageId))
    .map((warning) => reporter.warn(`${warning.code} on page ${warning.pageId}: ${warning.message}`));
  await reporter.report({ message: messages.writing, log });

  const write = await writeDocuments(target, composition);
  const files = countExportFiles(write, target.solution, asked, input.isDirectory);
  reporter.count({ pages: composition.inScope.length, assets: composition.assets.filter((asset) => asset.pageIds?.some((id) => inScope.has(id))).length });
  const removed = composition.removed.map((document) => `Removed ${document.relativePath}: the page is no longer in Notion`);
  await reporter.report({ message: messages.exported(files), export_files: files, ...exportProgress(1, 1), counters: {}, log: removed });
  return { exported, composition, write, exportFiles: files };
}
