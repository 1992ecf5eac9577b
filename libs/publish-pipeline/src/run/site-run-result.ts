import type { WriteSolutionResult } from '@zmp-manual/docusaurus-writer';
import type { RunReporter } from '../report/run-reporter';
import type { SiteRunResult } from '../site-runs.types';
import { mergeChanges } from '../write/file-changes';

/** What `runExport` / `runTranslate` did: the reporter's counters and warnings, and the writes' changes. */
export function siteRunResult(reporter: RunReporter, writes: readonly (WriteSolutionResult | undefined)[], exportFiles = 0): SiteRunResult {
  return { counters: { ...reporter.counters }, files: mergeChanges(writes), exportFiles, warnings: [...reporter.warnings] };
}
