import { WriterError } from './writer-error';

/** Throws `WriterError('aborted')` once `signal` is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new WriterError('aborted', 'The write was aborted.', { cause: signal.reason });
}
