import type { PipelineCounters } from '@zmp-manual/publish-pipeline';

/** What a command reports when it ends: the summary table and the `--json` result are made from it. */
export interface JobSummary {
  command: 'export' | 'translate' | 'publish' | 'demo';
  solution: string;
  counters: PipelineCounters;
  /** Files written in the site or working copy. */
  files?: { created: number; changed: number; removed: number };
  /** Commit shas (publish); `null` when that step had nothing to commit. */
  commits?: { export: string | null; translation: string | null };
  /** Whether anything was pushed (publish). */
  pushed?: boolean;
  /** The remote branch tip afterwards (publish). */
  head?: string | null;
  languages?: readonly string[];
  warnings: string[];
  durationMs: number;
}
