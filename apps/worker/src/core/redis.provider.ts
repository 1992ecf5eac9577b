import { Inject, Injectable, Logger, OnApplicationShutdown, Provider } from '@nestjs/common';
import { Redis } from 'ioredis';
import { REDIS, WORKER_CONFIG } from '../worker.tokens';
import type { WorkerConfig } from '../worker.tokens';

/** The shared connection for plain commands (stores, locks, health). Never used for blocking calls. */
export const redisProvider: Provider = {
  provide: REDIS,
  useFactory: (config: WorkerConfig) => new Redis(config.redisUrl, { connectionName: `zmp-worker:${config.workerName}` }),
  inject: [WORKER_CONFIG],
};

/** Closes the shared connection last (the core module is global, so its hooks run after every other module's). */
@Injectable()
export class RedisCloser implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    try {
      await this.redis.quit();
    } catch (error) {
      this.logger.warn(`quit failed (${(error as Error).message}); disconnecting`);
      this.redis.disconnect();
    }
  }
}
