import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { MAINTENANCE_QUEUE } from '../worker.tokens';

/**
 * The `maintenance` queue (retention sweeps, debounced Notion refreshes, callback deliveries), registered
 * once and shared by the modules that add to it. Bull's connection and prefix come from the root options.
 */
@Module({
  imports: [BullModule.registerQueue({ name: MAINTENANCE_QUEUE, defaultJobOptions: { removeOnComplete: true, removeOnFail: 100 } })],
  exports: [BullModule],
})
export class MaintenanceQueueModule {}
