import { BullModule } from '@nestjs/bull';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { SecretRedactor } from '@zmp-manual/app-config';
import { workerSecrets } from '../config/worker-secrets';
import { JOB_CANCELLATION, JOB_STORE, NOTIFICATION_STORE, REDIS, SECRET_REDACTOR, WORKER_CONFIG } from '../worker.tokens';
import type { WorkerConfig } from '../worker.tokens';
import { bullRootOptions } from './bull-options';
import { PIPELINE_CLIENTS, pipelineClientsProvider } from './pipeline-clients.provider';
import { RedisCloser, redisProvider } from './redis.provider';
import { storeProviders } from './stores.providers';

/**
 * What every worker module shares: the configuration parsed at start, one Redis connection for plain
 * commands, the job-events stores, the pipeline's clients (Notion, rate limiter, translation provider and
 * memory), and Bull's root options (same Redis, our prefix, explicit lock settings).
 * Global, so feature modules inject the tokens without importing it; its connection closes last.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        BullModule.forRootAsync({
          useFactory: (workerConfig: WorkerConfig) => bullRootOptions(workerConfig),
          inject: [WORKER_CONFIG],
        }),
      ],
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        { provide: SECRET_REDACTOR, useValue: new SecretRedactor(workerSecrets(config)) },
        redisProvider,
        RedisCloser,
        ...storeProviders,
        pipelineClientsProvider,
      ],
      exports: [WORKER_CONFIG, SECRET_REDACTOR, REDIS, JOB_STORE, JOB_CANCELLATION, NOTIFICATION_STORE, PIPELINE_CLIENTS],
    };
  }
}
