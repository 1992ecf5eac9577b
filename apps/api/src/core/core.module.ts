import { BullModule } from '@nestjs/bull';
import { Global, Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { SecretRedactor } from '@zmp-manual/app-config';
import { MAINTENANCE_QUEUE, PUBLISH_QUEUE, bullPrefix } from '@zmp-manual/queue-contract';
import { API_CONFIG, ARTIFACT_STORE, EVENT_BUS, JOB_CANCELLATION, JOB_STORE, MANUALS_CACHE_STORE, NOTIFICATION_STORE, REDIS, SECRET_REDACTOR } from '../api.tokens';
import type { ApiConfig } from '../api.tokens';
import { apiSecrets } from '../config/load-api-config';
import { RedisCloser, redisProvider } from './redis.provider';
import { EventBusCloser, storeProviders } from './stores.providers';

/**
 * What every API module shares: the configuration parsed at start, one Redis connection for plain commands,
 * the job-events stores and event bus, and the two Bull queues — producers only: the API registers no
 * processor, so it never takes a job (`@InjectQueue(PUBLISH_QUEUE)`). Global; its connection closes last.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: ApiConfig): DynamicModule {
    const queues = BullModule.registerQueue({ name: PUBLISH_QUEUE }, { name: MAINTENANCE_QUEUE });
    return {
      module: CoreModule,
      imports: [BullModule.forRoot({ url: config.redisUrl, prefix: bullPrefix(config.keyPrefix) }), queues],
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: SECRET_REDACTOR, useValue: new SecretRedactor(apiSecrets(config)) },
        redisProvider,
        RedisCloser,
        ...storeProviders,
        EventBusCloser,
      ],
      exports: [API_CONFIG, SECRET_REDACTOR, REDIS, JOB_STORE, JOB_CANCELLATION, NOTIFICATION_STORE, ARTIFACT_STORE, MANUALS_CACHE_STORE, EVENT_BUS, queues],
    };
  }
}
