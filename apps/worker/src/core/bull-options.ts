import type { BullRootModuleOptions } from '@nestjs/bull';
import type { WorkerConfig } from '../worker.tokens';

/**
 * Bull's key prefix for a `REDIS_KEY_PREFIX`: `zmp:` → `zmp:bull` (Bull adds its own `:`), so the queues of two
 * environments or test runs with different prefixes never meet. The API must enqueue with the same prefix.
 */
export function bullPrefix(keyPrefix: string): string {
  return `${keyPrefix}bull`;
}

/** Shared options of every queue: same Redis as the stores, our prefix, explicit lock and stalled settings. */
export function bullRootOptions(config: WorkerConfig): BullRootModuleOptions {
  return {
    url: config.redisUrl,
    prefix: bullPrefix(config.keyPrefix),
    settings: {
      lockDuration: config.bull.lockDurationMs,
      lockRenewTime: config.bull.lockRenewMs,
      stalledInterval: config.bull.stalledIntervalMs,
      maxStalledCount: config.bull.maxStalledCount,
    },
  };
}
