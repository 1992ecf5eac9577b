import { formatCount, formatDuration } from './format';
import type { JobSummary } from './job-summary';

/**
 * The table printed when a command ends:
 *
 * ```
 * Summary
 *   pages                   34
 *   assets                   7
 *   …
 *   export commit       1a2b3c4d5e6f…
 *   pushed              yes
 *   time                4.2 s
 * ```
 * Numbers are right-aligned; shas are printed in full so a script or a person can use them.
 */
export function renderSummaryTable(summary: JobSummary): string {
  const rows: Array<[string, string]> = [
    ['pages', formatCount(summary.counters.pages)],
    ['assets', formatCount(summary.counters.assets)],
    ['segments', formatCount(summary.counters.segments)],
    ['tokens', formatCount(summary.counters.tokens)],
    ['cache hits', formatCount(summary.counters.cache_hits)],
  ];
  if (summary.files) {
    const { created, changed, removed } = summary.files;
    rows.push(['files', `${created} created, ${changed} changed, ${removed} removed`]);
  }
  if (summary.languages) rows.push(['languages', summary.languages.length > 0 ? summary.languages.join(', ') : '(none)']);
  if (summary.commits) {
    rows.push(['export commit', summary.commits.export ?? '(no changes)']);
    rows.push(['translation commit', summary.commits.translation ?? '(no changes)']);
  }
  if (summary.pushed !== undefined) rows.push(['pushed', summary.pushed ? 'yes' : 'no (nothing new to push)']);
  if (summary.warnings.length > 0) rows.push(['warnings', formatCount(summary.warnings.length)]);
  rows.push(['time', formatDuration(summary.durationMs)]);

  const keyWidth = Math.max(...rows.map(([key]) => key.length));
  const isNumber = (value: string) => /^[\d,]+$/.test(value);
  const numberWidth = Math.max(...rows.map(([, value]) => (isNumber(value) ? value.length : 0)));
  const lines = rows.map(([key, value]) => `  ${key.padEnd(keyWidth)}  ${isNumber(value) ? value.padStart(numberWidth) : value}`);
  return ['Summary', ...lines].join('\n') + '\n';
}
