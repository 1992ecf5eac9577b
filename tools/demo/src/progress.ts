/** What the bar shows of a job's status (the `PublishStatus` fields of the watch stream). */
export interface ProgressStatus {
  status: string;
  message: string;
  total_progress: number;
}

export interface ProgressOutput {
  /** A whole line (the plain form, and lines printed around the bar). */
  line(text: string): void;
  /** Raw text without a newline (the TTY bar redraws itself with `\r`); absent = not a terminal. */
  write?: (text: string) => void;
  /** Terminal width (default 80). */
  columns?: number;
}

const BAR_WIDTH = 30;

/** `[██████████░░░░░░░░░░]` for 0–100. */
export function bar(percent: number, width = BAR_WIDTH): string {
  const filled = Math.round((Math.max(0, Math.min(100, percent)) / 100) * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
}

const pad = (percent: number) => `${String(Math.round(percent)).padStart(3)}%`;

/**
 * A job's progress: on a terminal one bar redrawn in place (`\r`); elsewhere (a pipe, CI, a log) one plain
 * line per state and per 10 % step, so a log stays short and readable.
 */
export class ProgressReporter {
  private lastState = '';
  private lastDecile = -1;
  private drawn = false;

  constructor(private readonly out: ProgressOutput) {}

  update(status: ProgressStatus): void {
    if (this.out.write) {
      const text = `  ${bar(status.total_progress)} ${pad(status.total_progress)}  ${status.status.padEnd(18)} ${status.message}`;
      const width = Math.max(40, (this.out.columns ?? 80) - 1);
      this.out.write(`\r\x1b[2K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
      this.drawn = true;
      return;
    }
    const decile = Math.floor(status.total_progress / 10);
    if (status.status === this.lastState && decile === this.lastDecile) return;
    this.lastState = status.status;
    this.lastDecile = decile;
    this.out.line(`  ${pad(status.total_progress)}  ${status.status.padEnd(18)} ${status.message}`);
  }

  /** Leaves the bar's last state on its own line. */
  finish(): void {
    if (this.drawn && this.out.write) this.out.write('\n');
    this.drawn = false;
  }
}
