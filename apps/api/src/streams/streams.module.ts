import { Global, Module } from '@nestjs/common';
import { SSE_STATS } from '../api.tokens';
import { NotificationsStreamController } from './notifications-stream.controller';
import { NotificationsStreamService } from './notifications-stream.service';
import { SseConnectionsRegistry } from './sse-connections.registry';
import { SseStreamLauncher } from './sse-stream.launcher';
import { WatchStreamService } from './watch-stream.service';
import { WatchController } from './watch.controller';

/**
 * SSE: `GET /watch/{id}` and `GET /notifications/stream` over job-events' sessions, with per-process and
 * per-user connection caps. Global for `SSE_STATS` (open connections, for the metrics). Needs `MANUALS_PATHS`
 * (the manuals module's) for the watch stream's title path.
 */
@Global()
@Module({
  controllers: [WatchController, NotificationsStreamController],
  providers: [
    SseConnectionsRegistry,
    { provide: SSE_STATS, useExisting: SseConnectionsRegistry },
    SseStreamLauncher,
    WatchStreamService,
    NotificationsStreamService,
  ],
  exports: [SSE_STATS],
})
export class StreamsModule {}
