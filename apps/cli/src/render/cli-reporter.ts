import type { PipelineReporter, PipelineUpdate } from '@zmp-manual/publish-pipeline';
import type { JobOutcome } from './step-tracker';
import { StepTracker } from './step-tracker';

/** A pipeline reporter that also knows when the run ended, and keeps what it was told. */
export interface CliReporter extends PipelineReporter {
  readonly tracker: StepTracker;
  /** Draws the final state of the steps (the last one done, failed or cancelled). */
  finish(outcome: JobOutcome): void;
}

/** Tracks the run and draws nothing (`--json`, `--quiet`, `--no-progress`). */
export class SilentReporter implements CliReporter {
  readonly tracker = new StepTracker();

  constructor(private readonly now: () => number) {}

  async report(update: PipelineUpdate): Promise<void> {
    this.tracker.apply(update, this.now());
  }

  finish(outcome: JobOutcome): void {
    this.tracker.finish(outcome, this.now());
  }
}
