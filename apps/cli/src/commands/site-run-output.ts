import type { SiteRunResult } from '@zmp-manual/publish-pipeline';
import type { JobSummary } from '../render/job-summary';
import type { JobOutput } from '../run/run-job';

/** The summary and `--json` fields of `export` and `translate` (a site folder, no git). */
export function siteRunOutput(
  command: 'export' | 'translate',
  solution: string,
  result: SiteRunResult,
  durationMs: number,
  extra: { site: string; languages?: readonly string[] },
): JobOutput {
  const { created, changed, removed } = result.files;
  const summary: JobSummary = {
    command,
    solution,
    counters: result.counters,
    files: { created: created.length, changed: changed.length, removed: removed.length },
    ...(extra.languages && { languages: extra.languages }),
    warnings: result.warnings,
    durationMs,
  };
  return {
    summary,
    json: { site: extra.site, paths: result.files, ...(command === 'export' && { export_files: result.exportFiles }) },
    lines: [`Site: ${extra.site}`],
  };
}
