import type { PipelineUpdate } from '@zmp-manual/publish-pipeline';
import type { OutputStream } from '../cli-io';
import type { CliReporter } from './cli-reporter';
import { formatDuration } from './format';
import type { JobOutcome, StepState } from './step-tracker';
import { StepTracker } from './step-tracker';

/** A progress line is printed when the step's percentage moved this much since the last one… */
export const PROGRESS_EVERY_PERCENT = 10;
/** …or this long after the last line of that step when something changed. */
export const PROGRESS_EVERY_MS = 5000;

export interface LineReporterOptions {
  out: OutputStream;
  now: () => number;
  /** Print the pipeline's log lines too. */
  verbose?: boolean;
}

/**
 * For pipes and CI logs: plain timestamped lines, never an escape sequence. One line when a step starts and
 * one when it ends, progress lines in between at most every 10 % or 5 s.
 *
 * `2026-01-02T03:04:05.000Z exporting: started  Reading the page tree`
 * `2026-01-02T03:04:07.000Z exporting: 40%  pages 12 · assets 3  Exporting "Install" (12/30)`
 * `2026-01-02T03:04:09.500Z exporting: done in 4.5 s  pages 30 · assets 7`
 */
export class LineReporter implements CliReporter {
  readonly tracker = new StepTracker();
  private lastLine = { at: 0, percent: null as number | null, text: '' };

  constructor(private readonly options: LineReporterOptions) {}

  async report(update: PipelineUpdate): Promise<void> {
    const now = this.options.now();
    const change = this.tracker.apply(update, now);
    if (change.ended) this.ended(change.ended, now);
    if (change.started) {
      const step = change.started;
      this.print(now, `${step.step}: started${step.message ? `  ${step.message}` : ''}`);
      this.lastLine = { at: now, percent: step.percent, text: this.progressText(step) };
    }
    if (this.options.verbose) for (const line of update.log ?? []) this.print(now, `log: ${line}`);
    if (change.started) return;
    const step = this.tracker.current;
    if (step) this.maybeProgress(step, now);
    else if (update.message) this.print(now, update.message);
  }

  finish(outcome: JobOutcome): void {
    const now = this.options.now();
    const step = this.tracker.finish(outcome, now);
    if (step) this.ended(step, now);
  }

  private maybeProgress(step: StepState, now: number): void {
    const text = this.progressText(step);
    if (text === this.lastLine.text) return;
    const movedEnough = step.percent !== null && step.percent - (this.lastLine.percent ?? 0) >= PROGRESS_EVERY_PERCENT;
    if (!movedEnough && now - this.lastLine.at < PROGRESS_EVERY_MS) return;
    this.print(now, `${step.step}: ${text}`);
    this.lastLine = { at: now, percent: step.percent, text };
  }

  private progressText(step: StepState): string {
    const parts = step.percent === null ? [] : [`${Math.floor(step.percent)}%`];
    const detail = this.tracker.detail(step);
    if (detail) parts.push(detail);
    if (step.message) parts.push(step.message);
    return parts.join('  ');
  }

  private ended(step: StepState, now: number): void {
    const how = step.status === 'done' ? 'done' : step.status;
    const detail = this.tracker.detail(step);
    this.print(now, `${step.step}: ${how} in ${formatDuration((step.endedAt ?? now) - step.startedAt)}${detail ? `  ${detail}` : ''}`);
  }

  private print(now: number, text: string): void {
    this.options.out.write(`${new Date(now).toISOString()} ${text}\n`);
  }
}
