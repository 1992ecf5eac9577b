import { DynamicModule, Module, Provider } from '@nestjs/common';
import { ManualsCacheStore } from '@zmp-manual/job-events';
import type { Redis } from 'ioredis';
import { ArtifactsModule } from '../artifacts/artifacts.module';
import { CallbacksModule } from '../callbacks/callbacks.module';
import { REDIS, WORKER_CONFIG } from '../worker.tokens';
import type { WorkerConfig } from '../worker.tokens';
import { MaintenanceQueueModule } from './maintenance-queue.module';
import { MaintenanceProcessor } from './maintenance.processor';
import { MANUALS_CACHE } from './maintenance.tokens';
import { NotionRefreshService } from './notion-refresh.service';
import { NOTION_TREE_SOURCE } from './notion-tree-source';
import { RetentionScheduler } from './retention.scheduler';
import { RetentionService } from './retention.service';
import { settingsTreeSource } from './settings-tree-source';

export interface MaintenanceModuleOptions {
  /**
   * Provides `NOTION_TREE_SOURCE` (`{provide: NOTION_TREE_SOURCE, useFactory | useValue | useClass …}`).
   * Default: the pipeline settings of the worker config (`settingsTreeSource(config.pipeline)`).
   */
  treeSource?: Provider;
}

const settingsTreeSourceProvider: Provider = {
  provide: NOTION_TREE_SOURCE,
  useFactory: (config: WorkerConfig) => settingsTreeSource(config.pipeline),
  inject: [WORKER_CONFIG],
};

/**
 * The `maintenance` queue's work: the repeatable retention sweep, webhook-triggered manuals refreshes
 * (debounced per page by `scheduleNotionRefresh`) and callback deliveries. Needs the core tokens
 * (WORKER_CONFIG, REDIS, JOB_STORE, NOTIFICATION_STORE) and Bull's root options.
 */
@Module({})
export class MaintenanceModule {
  static register(options: MaintenanceModuleOptions = {}): DynamicModule {
    return {
      module: MaintenanceModule,
      imports: [MaintenanceQueueModule, CallbacksModule, ArtifactsModule],
      providers: [
        options.treeSource ?? settingsTreeSourceProvider,
        {
          provide: MANUALS_CACHE,
          useFactory: (redis: Redis, config: WorkerConfig) => new ManualsCacheStore({ redis, keyPrefix: config.keyPrefix }),
          inject: [REDIS, WORKER_CONFIG],
        },
        RetentionService,
        RetentionScheduler,
        NotionRefreshService,
        MaintenanceProcessor,
      ],
      exports: [MaintenanceQueueModule, MANUALS_CACHE],
    };
  }
}
