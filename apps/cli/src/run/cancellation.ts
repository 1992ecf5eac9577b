import type { CliIo } from '../cli-io';
import { EXIT_CODES } from '../exit-codes';

/**
 * Ctrl-C while a command runs: the first one aborts the run's signal (the pipeline stops at its next check,
 * resets its working copy and releases its lock, and the command exits 130); a second one exits at once.
 */
export class Cancellation {
  private readonly controller = new AbortController();
  private readonly dispose: () => void;
  private interrupts = 0;

  constructor(
    private readonly io: CliIo,
    private readonly onFirst: () => void = () => io.stderr.write('\nCancelling: waiting for the current step to stop (press Ctrl-C again to exit at once)…\n'),
  ) {
    this.dispose = io.interrupts.onInterrupt(() => this.interrupt());
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get cancelled(): boolean {
    return this.controller.signal.aborted;
  }

  /** Stops listening for Ctrl-C. */
  close(): void {
    this.dispose();
  }

  private interrupt(): void {
    this.interrupts += 1;
    if (this.interrupts === 1) {
      this.onFirst();
      this.controller.abort(new Error('cancelled by Ctrl-C'));
    } else {
      this.io.exitNow(EXIT_CODES.cancelled);
    }
  }
}
