import { Module } from '@nestjs/common';
import { MaintenanceQueueModule } from '../maintenance/maintenance-queue.module';
import { JOB_CALLBACKS } from '../worker.tokens';
import { CallbackDeliveryService } from './callback-delivery.service';
import { JobCallbacksService } from './job-callbacks.service';

/**
 * Outbound callbacks: `JOB_CALLBACKS` queues a delivery, `CallbackDeliveryService` runs each attempt (the
 * maintenance processor hands it the `callback` jobs). Needs the core tokens (WORKER_CONFIG, JOB_STORE).
 */
@Module({
  imports: [MaintenanceQueueModule],
  providers: [JobCallbacksService, { provide: JOB_CALLBACKS, useExisting: JobCallbacksService }, CallbackDeliveryService],
  exports: [JOB_CALLBACKS, CallbackDeliveryService],
})
export class CallbacksModule {}
