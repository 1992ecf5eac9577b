import { JobCancelledError, redisCall } from './errors';
import type { JobRecord } from './job-record';
import type { JobStore } from './job.store';

export type CancelOutcome = 'requested' | 'already_requested' | 'already_finished';

export interface CancelSignalOptions {
  /** How often the flag is checked (default 1000 ms). */
  pollMs?: number;
  /** Stops the polling; its abort is passed on to the returned signal. */
  signal?: AbortSignal;
}

/**
 * The durable cancel flag of a job. `requestCancel` (API) sets the flag and moves an active or queued job to
 * `cancel_requested` in one atomic step; the worker turns the flag into an `AbortSignal` with
 * `cancelSignal`, stops, and calls `acknowledgeCancel` (→ `cancelled`). The flag survives restarts, so a
 * re-run of a stalled job sees it at once; it is deleted with the job.
 */
export class JobCancellation {
  constructor(private readonly options: { jobs: JobStore }) {}

  async requestCancel(jobId: string): Promise<{ outcome: CancelOutcome; job: JobRecord }> {
    const { record, changed } = await this.options.jobs.markCancelRequested(jobId);
    if (changed) return { outcome: 'requested', job: record };
    return { outcome: record.status === 'completed' || record.status === 'failed' || record.status === 'cancelled' ? 'already_finished' : 'already_requested', job: record };
  }

  isCancelRequested(jobId: string): Promise<boolean> {
    return redisCall('JobCancellation.isCancelRequested', async () => {
      const { jobs } = this.options;
      return (await jobs.redis.exists(jobs.keys.cancelFlag(jobId))) === 1;
    });
  }

  /** The worker has stopped: the job becomes `cancelled` (failure_reason `cancelled`). */
  acknowledgeCancel(jobId: string, options: { message?: string } = {}): Promise<JobRecord> {
    return this.options.jobs.update(jobId, { status: 'cancelled', message: options.message ?? 'Cancelled', failure_reason: 'cancelled' });
  }

  /**
   * A signal that aborts (reason: `JobCancelledError`) once the job's cancel flag is seen. Polls every
   * `pollMs` until then, or until `options.signal` aborts (whose reason it then takes). A Redis error skips one
   * poll. The timer does not keep the process alive.
   */
  cancelSignal(jobId: string, options: CancelSignalOptions = {}): AbortSignal {
    const pollMs = options.pollMs ?? 1000;
    const controller = new AbortController();
    const parent = options.signal;
    let timer: NodeJS.Timeout | undefined;
    const stop = (reason: unknown) => {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onParentAbort);
      if (!controller.signal.aborted) controller.abort(reason);
    };
    const onParentAbort = () => stop(parent?.reason);
    const poll = async () => {
      try {
        if (await this.isCancelRequested(jobId)) return stop(new JobCancelledError(jobId));
      } catch {
        // Redis unreachable for a moment: try again at the next tick.
      }
      if (!controller.signal.aborted) timer = setTimeout(() => void poll(), pollMs).unref();
    };
    if (parent?.aborted) stop(parent.reason);
    else {
      parent?.addEventListener('abort', onParentAbort, { once: true });
      void poll();
    }
    return controller.signal;
  }
}
