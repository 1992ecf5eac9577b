import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationShutdown, Provider } from '@nestjs/common';
import { ArtifactStore, EventBus, JobCancellation, JobStore, ManualsCacheStore, NotificationStore } from '@zmp-manual/job-events';
import type { Redis } from 'ioredis';
import { API_CONFIG, ARTIFACT_STORE, EVENT_BUS, JOB_CANCELLATION, JOB_STORE, MANUALS_CACHE_STORE, NOTIFICATION_STORE, REDIS } from '../api.tokens';
import type { ApiConfig } from '../api.tokens';

const withPrefix = <T>(make: (redis: Redis, keyPrefix: string) => T) => ({
  useFactory: (redis: Redis, config: ApiConfig) => make(redis, config.keyPrefix),
  inject: [REDIS, API_CONFIG],
});

/** The job-events stores and this process's one event bus, under `REDIS_KEY_PREFIX` (the worker uses the same). */
export const storeProviders: Provider[] = [
  { provide: JOB_STORE, ...withPrefix((redis, keyPrefix) => new JobStore({ redis, keyPrefix })) },
  { provide: JOB_CANCELLATION, useFactory: (jobs: JobStore) => new JobCancellation({ jobs }), inject: [JOB_STORE] },
  { provide: NOTIFICATION_STORE, ...withPrefix((redis, keyPrefix) => new NotificationStore({ redis, keyPrefix })) },
  { provide: ARTIFACT_STORE, ...withPrefix((redis, keyPrefix) => new ArtifactStore({ redis, keyPrefix })) },
  { provide: MANUALS_CACHE_STORE, ...withPrefix((redis, keyPrefix) => new ManualsCacheStore({ redis, keyPrefix })) },
  // One blocking reader per process fans out to every SSE client and the manuals-cache invalidation.
  { provide: EVENT_BUS, ...withPrefix((redis, keyPrefix) => new EventBus({ redis, keyPrefix })) },
];

/** Closes the bus (its reader connection) at shutdown, before the shared connection. */
@Injectable()
export class EventBusCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_BUS) private readonly bus: EventBus) {}

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}
