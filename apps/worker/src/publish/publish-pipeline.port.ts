import type { PublishJobPayload } from '@zmp-manual/job-events';
import type { PipelineLogger, PipelineReporter, PublishResult } from '@zmp-manual/publish-pipeline';

/** Runs one publish with everything the worker holds (settings, clients, repository lock). */
export const PUBLISH_PIPELINE = Symbol('PUBLISH_PIPELINE');

export interface PublishPipelineRun {
  payload: PublishJobPayload;
  reporter: PipelineReporter;
  signal: AbortSignal;
  logger: PipelineLogger;
}

export interface PublishPipeline {
  /** Resolves with the result, or throws `PipelineError` (`reason`, `step`, `code`, `message`). */
  run(input: PublishPipelineRun): Promise<PublishResult>;
}
