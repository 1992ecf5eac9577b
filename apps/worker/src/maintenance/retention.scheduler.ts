import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { MAINTENANCE_QUEUE, RETENTION_JOB, WORKER_CONFIG } from '../worker.tokens';
import type { WorkerConfig } from '../worker.tokens';

/** The fixed id of the repeatable sweep: every replica registers the same one, so there is one repeat key. */
export const RETENTION_REPEAT_ID = 'retention-sweep';

/**
 * Registers the repeatable retention sweep (every `RETENTION_SWEEP_EVERY_MS`) when the worker starts.
 * Idempotent across replicas and restarts: Bull keys a repeatable job by name, id and interval, and a sweep
 * left from an earlier interval setting is removed first.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('Retention');

  constructor(
    @InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const every = this.config.retention.sweepEveryMs;
    for (const repeatable of await this.queue.getRepeatableJobs()) {
      if (repeatable.name === RETENTION_JOB && (repeatable.every !== every || repeatable.id !== RETENTION_REPEAT_ID)) {
        await this.queue.removeRepeatableByKey(repeatable.key);
      }
    }
    await this.queue.add(RETENTION_JOB, { version: 1 }, { repeat: { every }, jobId: RETENTION_REPEAT_ID, removeOnComplete: true, removeOnFail: 10 });
    this.logger.log(`retention sweep every ${every} ms`);
  }
}
