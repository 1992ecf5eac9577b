import { Module } from '@nestjs/common';
import { ArtifactStore } from '@zmp-manual/job-events';
import type { Redis } from 'ioredis';
import { ARTIFACT_SINK, REDIS, WORKER_CONFIG } from '../worker.tokens';
import type { WorkerConfig } from '../worker.tokens';
import { ArtifactSinkService } from './artifact-sink.service';
import { ARTIFACT_STORE } from './artifacts.tokens';

/** `ARTIFACT_SINK` (and the `ArtifactStore` behind it) on the shared Redis under `REDIS_KEY_PREFIX`. */
@Module({
  providers: [
    {
      provide: ARTIFACT_STORE,
      useFactory: (redis: Redis, config: WorkerConfig) => new ArtifactStore({ redis, keyPrefix: config.keyPrefix }),
      inject: [REDIS, WORKER_CONFIG],
    },
    ArtifactSinkService,
    { provide: ARTIFACT_SINK, useExisting: ArtifactSinkService },
  ],
  exports: [ARTIFACT_SINK, ARTIFACT_STORE],
})
export class ArtifactsModule {}
