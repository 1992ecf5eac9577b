import type { PipelineCounters, PipelineUpdate } from '@zmp-manual/publish-pipeline';
import { formatCount, shortSha } from './format';

export type StepStatus = 'running' | 'done' | 'failed' | 'cancelled';
export type JobOutcome = 'completed' | 'failed' | 'cancelled';

export interface StepState {
  /** The wire value of the job state (`exporting`, `translating`, …). */
  step: string;
  status: StepStatus;
  /** 0–100 for the steps that measure it (export, translation), `null` for the others while they run. */
  percent: number | null;
  message: string;
  startedAt: number;
  endedAt: number | null;
  /**
   * Whether the counters were reported while the step ran. The pipeline counts pages and assets when the
   * export is written, segments and tokens when files are translated: until then the step shows none (not 0).
   */
  counted: boolean;
}

export interface TrackerChange {
  /** The step that ended because another one started (or the job ended). */
  ended: StepState | null;
  /** The step that started with this update. */
  started: StepState | null;
}

export const EMPTY_COUNTERS: PipelineCounters = { pages: 0, assets: 0, segments: 0, tokens: 0, cache_hits: 0 };

/** Which counters a step's line shows. */
const STEP_COUNTERS: Readonly<Record<string, ReadonlyArray<[keyof PipelineCounters, string]>>> = {
  exporting: [
    ['pages', 'pages'],
    ['assets', 'assets'],
  ],
  translating: [
    ['segments', 'segments'],
    ['tokens', 'tokens'],
    ['cache_hits', 'cache hits'],
  ],
};

/**
 * The state of a run as the pipeline reported it: the steps in the order they started, the job's counters
 * and commits. Renderers draw from it; the summary reads the counters when a run ends early.
 */
export class StepTracker {
  readonly steps: StepState[] = [];
  counters: PipelineCounters = { ...EMPTY_COUNTERS };
  commits: { export?: string; translation?: string } = {};
  totalProgress = 0;
  /** A message reported before the first step. */
  preamble = '';

  get current(): StepState | null {
    const last = this.steps[this.steps.length - 1];
    return last && last.status === 'running' ? last : null;
  }

  apply(update: PipelineUpdate, now: number): TrackerChange {
    const change: TrackerChange = { ended: null, started: null };
    if (update.status && update.status !== this.current?.step) {
      change.ended = this.end('done', now);
      const started: StepState = { step: update.status, status: 'running', percent: null, message: '', startedAt: now, endedAt: null, counted: false };
      this.steps.push(started);
      change.started = started;
    }
    if (update.counters) this.counters = { ...this.counters, ...update.counters };
    if (update.commits) this.commits = { ...this.commits, ...update.commits };
    if (update.total_progress !== undefined) this.totalProgress = Math.max(this.totalProgress, update.total_progress);
    const step = this.current;
    if (!step) {
      if (update.message !== undefined) this.preamble = update.message;
      return change;
    }
    if (update.counters) step.counted = true;
    if (update.message !== undefined) step.message = update.message;
    const percent = step.step === 'exporting' ? update.export_progress : step.step === 'translating' ? update.translation_progress : undefined;
    if (percent !== undefined) step.percent = Math.max(step.percent ?? 0, percent);
    return change;
  }

  /** Ends the running step: `done` when the job completed, else how the job ended. */
  finish(outcome: JobOutcome, now: number): StepState | null {
    return this.end(outcome === 'completed' ? 'done' : outcome, now);
  }

  /** What a step's line shows after its bar: its counters once reported, or the commit it made. */
  detail(step: StepState): string {
    const counters = STEP_COUNTERS[step.step];
    if (counters) return step.counted ? counters.map(([key, label]) => `${label} ${formatCount(this.counters[key])}`).join(' · ') : '';
    if (step.step === 'export_commit' && this.commits.export) return `commit ${shortSha(this.commits.export)}`;
    if (step.step === 'translation_commit' && this.commits.translation) return `commit ${shortSha(this.commits.translation)}`;
    return '';
  }

  private end(status: Exclude<StepStatus, 'running'>, now: number): StepState | null {
    const step = this.current;
    if (!step) return null;
    step.status = status;
    step.endedAt = now;
    if (status === 'done') step.percent = 100;
    return step;
  }
}
