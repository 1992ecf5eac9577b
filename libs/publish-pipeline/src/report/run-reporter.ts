import { maskSecrets } from '../errors/secret-mask';
import type { PipelineCounters, PipelineLogger, PipelineReporter, PipelineStep, PipelineUpdate } from '../pipeline.types';

export const ZERO_COUNTERS: Readonly<PipelineCounters> = { pages: 0, assets: 0, segments: 0, tokens: 0, cache_hits: 0 };

export interface RunReporterOptions {
  /** Masked (`***`) in every message and log line. */
  secrets?: readonly string[];
  logger?: PipelineLogger;
}

/**
 * The run's side of the reporter port: sends updates one after the other, in order, even when they come from
 * synchronous progress callbacks; keeps progress from going backwards, the counters, the commit shas and the
 * warnings; masks secrets. When the port fails (a replaced worker, a store that refuses), `signal` fires so
 * the run stops, and the next `flush()` throws the port's error.
 */
export class RunReporter {
  readonly counters: PipelineCounters = { ...ZERO_COUNTERS };
  readonly commits: { export?: string; translation?: string } = {};
  readonly warnings: string[] = [];
  private current: PipelineStep | null = null;
  private readonly highest = { export_progress: 0, translation_progress: 0, total_progress: 0 };
  private chain: Promise<void> = Promise.resolve();
  private failed = false;
  private closed = false;
  private failure: unknown;
  private readonly controller = new AbortController();

  constructor(
    private readonly port: PipelineReporter,
    private readonly options: RunReporterOptions = {},
  ) {}

  /** The step the run is in (`null` before the first report). */
  get step(): PipelineStep | null {
    return this.current;
  }

  /**
   * Fires when the port failed, and when the run is closed: a library may leave work running after the run
   * failed (sibling requests of the one that failed), which must stop then.
   */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /**
   * Queues an update behind the earlier ones (for synchronous callbacks); `flush()` waits for it. Dropped once
   * the run is closed: a library callback that fires after the run ended (a sibling request finishing after
   * another failed) must not reach the port once the caller recorded the terminal state.
   */
  post(update: PipelineUpdate): void {
    if (this.closed) return;
    const prepared = this.prepare(update);
    this.chain = this.chain.then(async () => {
      if (this.failed) return;
      try {
        await this.port.report(prepared);
      } catch (error) {
        this.failed = true;
        this.failure = error;
        this.controller.abort(error);
      }
    });
  }

  /** Sends an update and waits until it and every earlier one were delivered. */
  async report(update: PipelineUpdate): Promise<void> {
    this.post(update);
    await this.flush();
  }

  /**
   * What a run that stopped should report: the port's own failure when it failed (the run's signal then fired,
   * so `error` is only the abort it caused), else `error`.
   */
  failureOr(error: unknown): unknown {
    return this.failed ? this.failure : error;
  }

  /**
   * Ends the run: `signal` fires (work a library left running stops), what was posted before is delivered
   * (never throws), whatever is posted later is dropped.
   */
  async close(): Promise<void> {
    this.closed = true;
    if (!this.controller.signal.aborted) this.controller.abort(new Error('The run has ended'));
    await this.chain;
  }

  /** Waits for the queued updates; throws the port's error when one failed. */
  async flush(): Promise<void> {
    await this.chain;
    if (this.failed) throw this.failure;
  }

  /** Adds to the counters (sent with the next update). */
  count(counters: Partial<PipelineCounters>): void {
    for (const [name, value] of Object.entries(counters) as [keyof PipelineCounters, number][]) this.counters[name] += value;
  }

  /** Keeps a warning for the result; returns it as a log line (`warning: …`) for an update. */
  warn(line: string): string {
    const masked = this.mask(line);
    this.warnings.push(masked);
    this.options.logger?.warn(masked);
    return `warning: ${masked}`;
  }

  mask(text: string): string {
    return maskSecrets(text, this.options.secrets ?? []);
  }

  private prepare(update: PipelineUpdate): PipelineUpdate {
    if (update.status !== undefined) this.current = update.status;
    const prepared: PipelineUpdate = { ...update };
    if (this.current !== null) prepared.status = this.current;
    for (const key of ['export_progress', 'translation_progress', 'total_progress'] as const) {
      const value = update[key];
      if (value === undefined) continue;
      this.highest[key] = Math.max(this.highest[key], value);
      prepared[key] = this.highest[key];
    }
    if (update.message !== undefined) {
      prepared.message = this.mask(update.message);
      this.options.logger?.info(prepared.message, { step: this.current });
    }
    if (update.log !== undefined) prepared.log = update.log.map((line) => this.mask(line));
    if (update.counters !== undefined) prepared.counters = { ...this.counters };
    if (update.commits !== undefined) {
      Object.assign(this.commits, update.commits);
      prepared.commits = { ...this.commits };
    }
    return prepared;
  }
}
