/**
 * The abort reason of a job stopped because its worker is shutting down. It is not a cancel: the job is
 * handed back to the queue and another worker re-runs it.
 */
export class WorkerShutdownError extends Error {
  readonly code = 'worker_shutdown' as const;

  constructor(readonly worker: string) {
    super(`Worker ${worker} is shutting down`);
    this.name = 'WorkerShutdownError';
  }

  toJSON() {
    return { name: this.name, code: this.code, worker: this.worker, message: this.message };
  }
}
