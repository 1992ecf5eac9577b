import { Module } from '@nestjs/common';
import { MaintenanceQueueModule } from '../maintenance/maintenance-queue.module';
import { PublishModule } from '../publish/publish.module';
import { GracefulShutdown } from './graceful-shutdown.service';

/** The first half of a graceful stop (see GracefulShutdown); `installSignalHandlers` runs it on SIGTERM/SIGINT. */
@Module({
  imports: [PublishModule, MaintenanceQueueModule],
  providers: [GracefulShutdown],
  exports: [GracefulShutdown],
})
export class ShutdownModule {}
