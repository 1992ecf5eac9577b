import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationShutdown, Provider } from '@nestjs/common';
import { Redis } from 'ioredis';
import { API_CONFIG, REDIS } from '../api.tokens';
import type { ApiConfig } from '../api.tokens';

/** The shared connection for plain commands (stores, tickets, rate limits, health). Never used for blocking calls. */
export const redisProvider: Provider = {
  provide: REDIS,
  useFactory: (config: ApiConfig) => new Redis(config.redisUrl, { connectionName: `zmp-api:${config.instanceName}` }),
  inject: [API_CONFIG],
};

/** Closes the shared connection last (the core module is global, so its hooks run after every feature module's). */
@Injectable()
export class RedisCloser implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    // With Redis down, QUIT would wait behind the queued commands: just drop the connection.
    if (this.redis.status !== 'ready') {
      this.redis.disconnect();
      return;
    }
    try {
      await this.redis.quit();
    } catch (error) {
      this.logger.warn(`quit failed (${(error as Error).message}); disconnecting`);
      this.redis.disconnect();
    }
  }
}
