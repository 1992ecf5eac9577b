import type { FailureReason, JobFailure } from '@zmp-manual/job-events';
import { publicationFailed } from './job-outcome.messages';

/** The fields of the pipeline's `PipelineError` the worker relies on (checked by shape, not by class identity). */
export interface PipelineFailureLike {
  name: 'PipelineError';
  reason: FailureReason;
  step: string | null;
  code: string;
  message: string;
}

export function isPipelineFailure(error: unknown): error is PipelineFailureLike {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as Record<string, unknown>;
  return e.name === 'PipelineError' && typeof e.reason === 'string' && typeof e.code === 'string' && typeof e.message === 'string';
}

export interface DescribedFailure {
  reason: FailureReason;
  failure: JobFailure;
  /** The job's `message`: the pipeline's own sentence, or "Publication failed: …" for anything else. */
  message: string;
}

/**
 * What the job record keeps of a thrown error: the pipeline's reason, code, step and message (a sentence for a
 * person, secrets masked), or `unknown_error` with the error's own code when something else broke (a Redis
 * outage, an unknown solution, a bug). `lastStep` is the step last reported.
 */
export function describeFailure(error: unknown, lastStep: string | null, redact: (text: string) => string): DescribedFailure {
  if (isPipelineFailure(error)) {
    const message = redact(error.message);
    if (error.reason === 'cancelled') return { reason: 'unknown_error', failure: { code: error.code, step: error.step ?? lastStep, message }, message: publicationFailed(message) };
    return { reason: error.reason, failure: { code: error.code, step: error.step ?? lastStep, message }, message };
  }
  const e = error as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' && e.code ? e.code : 'unknown_error';
  const message = redact(typeof e?.message === 'string' && e.message ? e.message : String(error));
  return { reason: 'unknown_error', failure: { code, step: lastStep, message }, message: publicationFailed(message) };
}
