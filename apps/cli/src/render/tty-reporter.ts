import type { PipelineUpdate } from '@zmp-manual/publish-pipeline';
import type { OutputStream } from '../cli-io';
import type { CliReporter } from './cli-reporter';
import { formatDuration, formatPercent, truncate } from './format';
import { progressBar } from './progress-bar';
import type { JobOutcome, StepState } from './step-tracker';
import { StepTracker } from './step-tracker';

const ESC = '\u001b[';
const CLEAR_LINE = `${ESC}2K`;
const CLEAR_DOWN = `${ESC}J`;
const up = (lines: number) => `${ESC}${lines}A`;

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const ICONS: Record<Exclude<StepState['status'], 'running'>, string> = { done: '✔', failed: '✖', cancelled: '■' };
/** Redraws at most this often, except when a step starts or ends. */
const REDRAW_MS = 80;
const LABEL_WIDTH = 18;

export interface TtyReporterOptions {
  out: OutputStream;
  now: () => number;
  /** Print the pipeline's log lines above the bars. */
  verbose?: boolean;
}

/**
 * On a terminal: one live line per step (icon, name, bar, percentage, counters, current message), redrawn in
 * place with ANSI cursor movements. Lines never wrap: each is cut to the terminal width.
 */
export class TtyReporter implements CliReporter {
  readonly tracker = new StepTracker();
  private drawn = 0;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private frame = 0;

  constructor(private readonly options: TtyReporterOptions) {}

  async report(update: PipelineUpdate): Promise<void> {
    const now = this.options.now();
    const change = this.tracker.apply(update, now);
    const logs = this.options.verbose ? (update.log ?? []) : [];
    if (logs.length > 0) this.printAbove(logs);
    if (change.started || change.ended || logs.length > 0 || now - this.lastDraw >= REDRAW_MS) this.draw(now);
  }

  finish(outcome: JobOutcome): void {
    const now = this.options.now();
    this.tracker.finish(outcome, now);
    this.draw(now);
  }

  /** The text of one step's line, without escapes. */
  private line(step: StepState, now: number): string {
    return stepLine(step, this.tracker.detail(step), now, SPINNER[this.frame % SPINNER.length], this.width());
  }

  private width(): number {
    return Math.max(20, (this.options.out.columns ?? 80) - 1);
  }

  private printAbove(lines: string[]): void {
    let text = this.drawn > 0 ? `${up(this.drawn)}\r${CLEAR_DOWN}` : '';
    for (const line of lines) text += `${truncate(line, this.width())}\n`;
    this.drawn = 0;
    this.options.out.write(text);
  }

  private draw(now: number): void {
    this.frame += 1;
    this.lastDraw = now;
    const lines = this.tracker.steps.map((step) => this.line(step, now));
    if (lines.length === 0) return;
    let text = this.drawn > 0 ? up(this.drawn) : '';
    for (const line of lines) text += `\r${CLEAR_LINE}${line}\n`;
    this.drawn = lines.length;
    this.options.out.write(text);
  }
}

/** `⠹ exporting          ████████░░░░░░░░░░░░  40%  pages 12 · assets 3  Exporting "Install" (12/30)` */
function stepLine(step: StepState, detail: string, now: number, spinner: string, width: number): string {
  const icon = step.status === 'running' ? spinner : ICONS[step.status];
  const percent = step.status === 'running' ? step.percent : step.status === 'done' ? 100 : step.percent;
  const parts = [`${icon} ${step.step.padEnd(LABEL_WIDTH)}  ${progressBar(percent)} ${formatPercent(percent)}`];
  if (detail) parts.push(detail);
  if (step.status === 'running') {
    if (step.message) parts.push(step.message);
  } else {
    parts.push(`${step.status === 'done' ? '' : `${step.status} `}${formatDuration((step.endedAt ?? now) - step.startedAt)}`);
  }
  return truncate(parts.join('  '), width);
}
