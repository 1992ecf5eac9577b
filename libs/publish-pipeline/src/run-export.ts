import { resolve } from 'node:path';
import { toPipelineError } from './errors/failure-mapping';
import { PipelineError } from './errors/pipeline-error';
import { exportStatePath } from './export/export-state';
import { parseNotionId } from './notion-id';
import { RunReporter } from './report/run-reporter';
import type { RunExportOptions, SiteRunResult } from './site-runs.types';
import { runExportStep } from './steps/export-step';
import { mergeChanges } from './write/file-changes';

/**
 * Exports a solution (or one page, or one page and its subtree, with the publish's scope rules) into an
 * existing Docusaurus site folder, without git: the `exporting` step of a publish and its first write.
 * Throws a `PipelineError` (`invalid_page_id`, `export_failed`, `cancelled`, `unknown_error`).
 */
export async function runExport(options: RunExportOptions): Promise<SiteRunResult> {
  const reporter = new RunReporter(options.reporter, { logger: options.logger });
  const rootPageId = parseNotionId(options.solution.rootPageId);
  const pageId = options.pageId === undefined ? rootPageId : parseNotionId(options.pageId);
  try {
    if (options.pageId !== undefined && pageId === undefined) {
      throw new PipelineError('invalid_page_id', `${JSON.stringify(options.pageId)} is not a Notion page id (32 hex digits, with or without dashes)`, { code: 'invalid_page_id' });
    }
    if (rootPageId === undefined || pageId === undefined) {
      throw new PipelineError('export_failed', `The root page of solution ${options.solution.id} is not a Notion page id`, { code: 'invalid_root_page_id' });
    }
    const root = resolve(options.siteDir);
    const signal = AbortSignal.any([reporter.signal, ...(options.signal ? [options.signal] : [])]);
    const step = await runExportStep({
      target: { root, solution: options.solution.id, layout: options.solution.layout ?? 'single', replaceForeignFiles: options.replaceForeignFiles, signal },
      notion: options.notion,
      rateLimit: options.notionRateLimit,
      rootPageId,
      pageId,
      isDirectory: options.isDirectory ?? false,
      statePath: options.stateDir === undefined ? undefined : exportStatePath(options.stateDir, options.solution.id, rootPageId, root),
      reporter,
    });
    return { counters: { ...reporter.counters }, files: mergeChanges([step.write]), exportFiles: step.exportFiles, warnings: [...reporter.warnings] };
  } catch (error) {
    throw toPipelineError(reporter.failureOr(error), { step: reporter.step, cancelled: options.signal?.aborted === true, pageId });
  }
}
