import { TranslatorError } from '../errors';

/** Bounds how many provider requests run at once; share one between documents and languages. */
export interface RequestLimiter {
  readonly max: number;
  /** Runs `task` when a slot is free; rejects with `TranslatorError` `aborted` if `signal` aborts first. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

const aborted = (): TranslatorError => new TranslatorError('aborted', 'The translation was aborted');

export function createRequestLimiter(max: number): RequestLimiter {
  if (!Number.isInteger(max) || max < 1) throw new TranslatorError('invalid_options', 'maxConcurrentRequests must be a positive integer');
  let active = 0;
  const waiting: Array<() => void> = [];
  const release = (): void => {
    active -= 1;
    waiting.shift()?.();
  };
  const acquire = (signal?: AbortSignal): Promise<void> =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(aborted());
      if (active < max) {
        active += 1;
        return resolve();
      }
      const grant = (): void => {
        signal?.removeEventListener('abort', cancel);
        active += 1;
        resolve();
      };
      const cancel = (): void => {
        const index = waiting.indexOf(grant);
        if (index >= 0) waiting.splice(index, 1);
        reject(aborted());
      };
      waiting.push(grant);
      signal?.addEventListener('abort', cancel, { once: true });
    });
  return {
    max,
    async run(task, signal) {
      await acquire(signal);
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
