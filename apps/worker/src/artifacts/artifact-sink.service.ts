import { Inject, Injectable, Logger } from '@nestjs/common';
import type { JobArtifact } from '@zmp-manual/job-events';
import { ArtifactStore } from '@zmp-manual/job-events';
import { WORKER_CONFIG } from '../worker.tokens';
import type { ArtifactSink, WorkerConfig } from '../worker.tokens';
import { ARTIFACT_STORE } from './artifacts.tokens';

/**
 * `ARTIFACT_SINK`: keeps a job's zip in Redis for `ARTIFACT_RETENTION_DAYS` (the key's ttl). A zip larger than
 * `ARTIFACT_MAX_BYTES` is not kept: `null` and a warning, and the job completes without an artifact.
 */
@Injectable()
export class ArtifactSinkService implements ArtifactSink {
  private readonly logger = new Logger('Artifacts');

  constructor(
    @Inject(ARTIFACT_STORE) private readonly store: ArtifactStore,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  async put(jobId: string, bytes: Uint8Array, sha256: string): Promise<JobArtifact | null> {
    const { artifactMaxBytes, artifactMaxAgeMs } = this.config.retention;
    if (bytes.byteLength > artifactMaxBytes) {
      this.logger.warn(`artifact of job ${jobId} not kept: ${bytes.byteLength} bytes is more than ARTIFACT_MAX_BYTES (${artifactMaxBytes})`);
      return null;
    }
    // A fractional number of days may make a fractional ms count; Redis takes whole ms.
    return this.store.put(jobId, bytes, { ttlMs: Math.max(1, Math.round(artifactMaxAgeMs)), sha256 });
  }
}
