import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import type { ApiConfig } from './api.tokens';
import { AuthModule } from './auth/auth.module';
import { ConsoleModule } from './console/console.module';
import { CoreModule } from './core/core.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { DocsModule } from './docs/docs.module';
import { HealthModule } from './health/health.module';
import { JobsModule } from './jobs/jobs.module';
import { ManualsModule } from './manuals/manuals.module';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationsModule } from './notifications/notifications.module';
import { SecurityModule } from './security/security.module';
import { StreamsModule } from './streams/streams.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/**
 * The API: wiring only. Order matters for the global guards: authentication (AuthModule) runs before rate
 * limiting (SecurityModule), which keys clients by user once they are known.
 */
@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        AuthModule,
        SecurityModule,
        HealthModule,
        MetricsModule,
        ManualsModule,
        JobsModule,
        NotificationsModule,
        StreamsModule,
        WebhooksModule,
        DocsModule,
        DashboardModule,
        ConsoleModule,
      ],
    };
  }
}
