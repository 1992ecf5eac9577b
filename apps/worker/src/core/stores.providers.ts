import type { Provider } from '@nestjs/common';
import { JobCancellation, JobStore, NotificationStore } from '@zmp-manual/job-events';
import type { Redis } from 'ioredis';
import { JOB_CANCELLATION, JOB_STORE, NOTIFICATION_STORE, REDIS, WORKER_CONFIG } from '../worker.tokens';
import type { WorkerConfig } from '../worker.tokens';

/** The job-events stores on the shared connection, under `REDIS_KEY_PREFIX` (the API uses the same). */
export const storeProviders: Provider[] = [
  {
    provide: JOB_STORE,
    useFactory: (redis: Redis, config: WorkerConfig) => new JobStore({ redis, keyPrefix: config.keyPrefix }),
    inject: [REDIS, WORKER_CONFIG],
  },
  {
    provide: JOB_CANCELLATION,
    useFactory: (jobs: JobStore) => new JobCancellation({ jobs }),
    inject: [JOB_STORE],
  },
  {
    provide: NOTIFICATION_STORE,
    useFactory: (redis: Redis, config: WorkerConfig) => new NotificationStore({ redis, keyPrefix: config.keyPrefix }),
    inject: [REDIS, WORKER_CONFIG],
  },
];
