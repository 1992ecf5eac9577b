import type { PipelineFailureReason, PipelineStep } from '../pipeline.types';

export interface PipelineErrorDetails {
  /** The step the run was in, or `null` before the first one. */
  step?: PipelineStep | null;
  /** The library error's code (`auth_failed`, `insufficient_quota`, …), or the reason itself. */
  code?: string;
  /** The original error; kept for logs, never serialised. */
  cause?: unknown;
}

/** What `PipelineError.toJSON()` gives: safe to store in a job record or send over the wire. */
export interface PipelineErrorJson {
  name: 'PipelineError';
  reason: PipelineFailureReason;
  step: PipelineStep | null;
  code: string;
  message: string;
}

/**
 * The only error the pipeline throws. `reason` is the original service's failure reason (plus
 * `invalid_page_id` and `cancelled`); `message` is written for a person and holds no secret.
 */
export class PipelineError extends Error {
  override readonly name = 'PipelineError';
  readonly reason: PipelineFailureReason;
  readonly step: PipelineStep | null;
  readonly code: string;

  constructor(reason: PipelineFailureReason, message: string, details: PipelineErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.reason = reason;
    this.step = details.step ?? null;
    this.code = details.code ?? reason;
  }

  /** No stack, no cause: the fields a job record keeps. */
  toJSON(): PipelineErrorJson {
    return { name: this.name, reason: this.reason, step: this.step, code: this.code, message: this.message };
  }
}
