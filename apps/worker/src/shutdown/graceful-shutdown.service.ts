import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import { ActiveJobs } from '../publish/active-jobs.registry';
import { WorkerShutdownError } from '../publish/worker-shutdown.error';
import { MAINTENANCE_QUEUE, PUBLISH_QUEUE, WORKER_CONFIG } from '../worker.tokens';
import type { WorkerConfig } from '../worker.tokens';

/** How long the jobs stopped after the grace period get to hand themselves back (reset the working copy, release the lock). */
export const HANDBACK_WAIT_MS = 30_000;

/**
 * The first half of a graceful stop, before the application closes: take no new job from either queue, let
 * the running publish jobs finish within `SHUTDOWN_GRACE_MS`, then stop the rest (abort reason: shutdown,
 * which the processor does not record as a cancel) so they go back to the queue for another worker. The
 * maintenance jobs already running are short; closing the application waits for them.
 */
@Injectable()
export class GracefulShutdown {
  private readonly logger = new Logger('Shutdown');
  private draining: Promise<void> | null = null;

  constructor(
    @InjectQueue(PUBLISH_QUEUE) private readonly publishQueue: Queue,
    @InjectQueue(MAINTENANCE_QUEUE) private readonly maintenanceQueue: Queue,
    private readonly active: ActiveJobs,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  drain(): Promise<void> {
    this.draining ??= this.run();
    return this.draining;
  }

  private async run(): Promise<void> {
    // Local pause: this process takes no new job (its blocking fetch is cut short); other workers keep consuming.
    await Promise.all(
      [this.publishQueue, this.maintenanceQueue].map((queue) =>
        queue.pause(true, true).catch((error: Error) => this.logger.warn(`pausing the ${queue.name} queue failed: ${error.message}`)),
      ),
    );
    const running = this.active.jobIds;
    if (running.length === 0) return;
    this.logger.log(`waiting up to ${this.config.shutdownGraceMs} ms for ${running.length} job(s): ${running.join(', ')}`);
    if (await this.active.whenIdle(this.config.shutdownGraceMs)) {
      this.logger.log('running jobs finished');
      return;
    }
    this.logger.warn(`grace period over: stopping ${this.active.jobIds.join(', ')} and handing them back to the queue`);
    this.active.abortAll(new WorkerShutdownError(this.config.workerName));
    if (!(await this.active.whenIdle(HANDBACK_WAIT_MS))) {
      this.logger.error(`jobs still running after ${HANDBACK_WAIT_MS} ms: ${this.active.jobIds.join(', ')}; their Bull lock will expire`);
    }
  }
}
