import type { BullRootModuleOptions } from '@nestjs/bull';
import { bullPrefix } from '@zmp-manual/queue-contract';
import type { WorkerConfig } from '../worker.tokens';

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
