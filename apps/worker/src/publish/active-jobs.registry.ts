import { Injectable } from '@nestjs/common';

/** One running publish job as the registry sees it. */
export interface ActiveJob {
  readonly jobId: string;
  /** Aborts when the worker stops the job for shutdown (its reason is then the shutdown error). */
  readonly shutdownSignal: AbortSignal;
  /** The job has left the processor (finished, skipped or handed back). Idempotent. */
  done(): void;
}

/**
 * The publish jobs this process is running, so graceful shutdown can wait for them and, past the grace
 * period, stop them. Once `abortAll` has been called, a job that registers afterwards gets an aborted signal at once.
 */
@Injectable()
export class ActiveJobs {
  private readonly running = new Map<symbol, { jobId: string; controller: AbortController }>();
  private readonly idleWaiters = new Set<() => void>();
  private stopReason: unknown = undefined;

  get size(): number {
    return this.running.size;
  }

  get jobIds(): string[] {
    return [...this.running.values()].map((entry) => entry.jobId);
  }

  register(jobId: string): ActiveJob {
    const key = Symbol(jobId);
    const controller = new AbortController();
    if (this.stopReason !== undefined) controller.abort(this.stopReason);
    this.running.set(key, { jobId, controller });
    return {
      jobId,
      shutdownSignal: controller.signal,
      done: () => {
        if (!this.running.delete(key)) return;
        if (this.running.size === 0) for (const wake of [...this.idleWaiters]) wake();
      },
    };
  }

  /** Stops every running job (and any that registers later) with `reason`. */
  abortAll(reason: unknown): void {
    this.stopReason = reason;
    for (const { controller } of this.running.values()) if (!controller.signal.aborted) controller.abort(reason);
  }

  /** Resolves `true` once no job runs, or `false` after `timeoutMs`. */
  whenIdle(timeoutMs: number): Promise<boolean> {
    if (this.running.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const finish = (idle: boolean) => {
        clearTimeout(timer);
        this.idleWaiters.delete(wake);
        resolve(idle);
      };
      const wake = () => finish(true);
      const timer = setTimeout(() => finish(false), timeoutMs);
      this.idleWaiters.add(wake);
    });
  }
}
