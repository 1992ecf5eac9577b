import type { ProviderErrorCode } from '../errors';
import type { SegmentProblem } from '../segments/segment-validator';

/** Why a segment kept its source text. */
export type FailureReason =
  | SegmentProblem
  /** The answer had no entry for the segment. */
  | 'missing_in_answer'
  /** The whole translated document did not parse to the source's structure, or `verify` refused it. */
  | 'document_check_failed'
  | Exclude<ProviderErrorCode, 'insufficient_quota' | 'authentication_failed' | 'model_not_found' | 'aborted'>;

export interface FailedSegment {
  id: string;
  reason: FailureReason;
  /** The segment as the model saw it. */
  text: string;
}

/** What happened to one document in one language. */
export interface TranslationReport {
  file?: string;
  from: string;
  language: string;
  /** Translatable segments in the document. */
  segments: number;
  /** Segments sent to the provider (each counted once, retries not counted). */
  sent: number;
  /** Segments taken from the translation memory. */
  fromMemory: number;
  /** Segments whose source text was kept, with why. */
  failed: FailedSegment[];
  promptTokens: number;
  completionTokens: number;
  /** Provider calls, our own retries included (the client's internal retries are not visible). */
  requests: number;
}
