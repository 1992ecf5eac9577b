import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { ArtifactsModule } from '../artifacts/artifacts.module';
import { CallbacksModule } from '../callbacks/callbacks.module';
import { MetricsModule } from '../metrics/metrics.module';
import { PUBLISH_QUEUE } from '../worker.tokens';
import { ActiveJobs } from './active-jobs.registry';
import { JobOutcomeRecorder } from './job-outcome.recorder';
import { PublishJobRunner } from './publish-job.runner';
import { publishPipelineProviders } from './publish-pipeline.provider';
import { PublishProcessor } from './publish.processor';

/**
 * The `publish` queue, its processor, and the registry of running jobs (for the graceful stop). The processor ends a job
 * through the callbacks, artifacts and metrics modules (JOB_CALLBACKS, ARTIFACT_SINK, WORKER_METRICS).
 */
@Module({
  imports: [BullModule.registerQueue({ name: PUBLISH_QUEUE }), CallbacksModule, ArtifactsModule, MetricsModule],
  providers: [ActiveJobs, ...publishPipelineProviders, JobOutcomeRecorder, PublishJobRunner, PublishProcessor],
  exports: [BullModule, ActiveJobs],
})
export class PublishModule {}
