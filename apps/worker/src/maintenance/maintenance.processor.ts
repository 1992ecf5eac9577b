import { Process, Processor } from '@nestjs/bull';
import { OnModuleDestroy } from '@nestjs/common';
import { parseNotionRefreshPayload } from '@zmp-manual/job-events';
import type { Job } from 'bull';
import { CallbackDeliveryService } from '../callbacks/callback-delivery.service';
import type { CallbackDeliveryResult } from '../callbacks/callback-delivery.service';
import { CALLBACK_JOB, MAINTENANCE_QUEUE, NOTION_REFRESH_JOB, RETENTION_JOB } from '../worker.tokens';
import { NotionRefreshService } from './notion-refresh.service';
import type { RefreshResult } from './notion-refresh.service';
import { RetentionService } from './retention.service';
import type { RetentionCounts } from './retention.service';

/** Callback deliveries at once in this process (they mostly wait on the network). */
export const CALLBACK_CONCURRENCY = 4;

/**
 * The one processor of the `maintenance` queue, a handler per job name. A refresh in progress is aborted
 * when the worker shuts down (Bull runs it again later); sweeps and deliveries are short.
 */
@Processor(MAINTENANCE_QUEUE)
export class MaintenanceProcessor implements OnModuleDestroy {
  private readonly shutdown = new AbortController();

  constructor(
    private readonly retention: RetentionService,
    private readonly refreshes: NotionRefreshService,
    private readonly callbacks: CallbackDeliveryService,
  ) {}

  @Process(RETENTION_JOB)
  sweep(): Promise<RetentionCounts> {
    return this.retention.sweep();
  }

  @Process(NOTION_REFRESH_JOB)
  async refresh(job: Job<unknown>): Promise<RefreshResult> {
    let payload;
    try {
      payload = parseNotionRefreshPayload(job.data);
    } catch (error) {
      // Another attempt would read the same data: fail it once.
      await job.discard();
      throw error;
    }
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return this.refreshes.refresh(payload, { signal: this.shutdown.signal, lastAttempt });
  }

  @Process({ name: CALLBACK_JOB, concurrency: CALLBACK_CONCURRENCY })
  deliver(job: Job<unknown>): Promise<CallbackDeliveryResult> {
    return this.callbacks.deliver(job);
  }

  onModuleDestroy(): void {
    this.shutdown.abort(new Error('the worker is shutting down'));
  }
}
