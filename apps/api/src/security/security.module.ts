import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { API_CONFIG, REDIS } from '../api.tokens';
import type { ApiConfig } from '../api.tokens';
import { ApiExceptionFilter } from '../errors/api-exception.filter';
import { rateLimitOptions } from './rate-limit.options';
import { RateLimitGuard } from './rate-limit.guard';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/**
 * The exception filter (every error → `{"detail", "error_id"}`) and the rate limits (Redis-backed, shared by
 * replicas). Import it after the auth module: the rate-limit guard keys clients by the user the auth guard
 * found. helmet, CORS and the body parsers are Express middleware, installed by `applyHttpPlatform`.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [API_CONFIG, REDIS],
      useFactory: (config: ApiConfig, redis: Redis) => rateLimitOptions(config, new RedisThrottlerStorage(redis, config.keyPrefix)),
    }),
  ],
  providers: [
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
  ],
})
export class SecurityModule {}
