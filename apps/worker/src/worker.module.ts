import { DynamicModule, Module } from '@nestjs/common';
import { ArtifactsModule } from './artifacts/artifacts.module';
import { CallbacksModule } from './callbacks/callbacks.module';
import { CoreModule } from './core/core.module';
import { notionTreeSourceProvider } from './core/notion-tree-source.provider';
import { HealthModule } from './health/health.module';
import { MaintenanceModule } from './maintenance/maintenance.module';
import { MetricsModule } from './metrics/metrics.module';
import { PublishModule } from './publish/publish.module';
import { ShutdownModule } from './shutdown/shutdown.module';
import type { WorkerConfig } from './worker.tokens';

/**
 * The worker: core (config, Redis, stores, pipeline clients, Bull), the `publish` queue, the `maintenance`
 * queue (retention, Notion refreshes, callback deliveries), artifacts, health and metrics. No public routes.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config),
        PublishModule,
        MaintenanceModule.register({ treeSource: notionTreeSourceProvider }),
        CallbacksModule,
        ArtifactsModule,
        MetricsModule,
        HealthModule,
        ShutdownModule,
      ],
    };
  }
}
