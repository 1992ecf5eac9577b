import { resolve } from 'node:path';
import { exportStatePath } from './export/export-state';
import { parseNotionId } from './notion-id';
import { RunReporter } from './report/run-reporter';
import { askedPageId, guardRun, rootPageIdOf, runSignal } from './run/run-guard';
import { siteRunResult } from './run/site-run-result';
import type { RunExportOptions, SiteRunResult } from './site-runs.types';
import { runExportStep } from './steps/export-step';

/**
 * Exports a solution (or one page, or one page and its subtree, with the publish's scope rules) into an
 * existing Docusaurus site folder, without git: the `exporting` step of a publish and its first write.
 * Throws a `PipelineError` (`invalid_page_id`, `export_failed`, `cancelled`, `unknown_error`).
 */
export async function runExport(options: RunExportOptions): Promise<SiteRunResult> {
  const { solution, secrets } = options;
  const reporter = new RunReporter(options.reporter, { secrets, logger: options.logger });
  const pageText = options.pageId ?? solution.rootPageId;
  return guardRun(reporter, { signal: options.signal, secrets, pageId: parseNotionId(pageText) }, async () => {
    const pageId = options.pageId === undefined ? undefined : askedPageId(options.pageId);
    const rootPageId = rootPageIdOf(solution);
    const root = resolve(options.siteDir);
    const step = await runExportStep({
      target: { root, solution: solution.id, layout: solution.layout ?? 'single', replaceForeignFiles: options.replaceForeignFiles, signal: runSignal(reporter, options.signal) },
      notion: options.notion,
      rateLimit: options.notionRateLimit,
      rootPageId,
      pageId: pageId ?? rootPageId,
      isDirectory: options.isDirectory ?? false,
      statePath: options.stateDir === undefined ? undefined : exportStatePath(options.stateDir, solution.id, rootPageId, root),
      reporter,
    });
    return siteRunResult(reporter, [step.write], step.exportFiles);
  });
}
