import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { MAINTENANCE_QUEUE, PUBLISH_QUEUE } from '@zmp-manual/queue-contract';
import type { Queue } from 'bull';
import { Gauge, Registry } from 'prom-client';
import { METRICS_PREFIX, METRICS_REGISTRY } from './metrics.tokens';

/** Bull states a depth is published for (the publish queue drops finished jobs: its `completed` stays 0). */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'paused'] as const;
type QueueState = (typeof QUEUE_STATES)[number];

/** A scrape never waits longer than this for Redis. */
const COUNT_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * `zmp_api_queue_jobs{queue,state}`: the depth of the publish and maintenance queues, read from Redis (Bull's
 * `getJobCounts`) when Prometheus scrapes. A queue Redis does not answer for is left out of that scrape
 * (and logged) rather than failing the whole scrape or repeating stale numbers.
 */
@Injectable()
export class QueueDepthCollector {
  private readonly logger = new Logger('Metrics');

  constructor(
    @Inject(METRICS_REGISTRY) registry: Registry,
    @InjectQueue(PUBLISH_QUEUE) publish: Queue,
    @InjectQueue(MAINTENANCE_QUEUE) maintenance: Queue,
  ) {
    const queues = [publish, maintenance];
    const logger = this.logger;
    new Gauge<'queue' | 'state'>({
      name: `${METRICS_PREFIX}queue_jobs`,
      help: 'Jobs in the Bull queues by state, read at scrape time',
      labelNames: ['queue', 'state'],
      registers: [registry],
      async collect() {
        this.reset();
        await Promise.all(
          queues.map(async (queue) => {
            try {
              const counts = (await withTimeout(queue.getJobCounts(), COUNT_TIMEOUT_MS)) as Partial<Record<QueueState, number>>;
              for (const state of QUEUE_STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
            } catch (error) {
              logger.warn(`queue ${queue.name}: depth not read (${(error as Error).message})`);
            }
          }),
        );
      },
    });
  }
}
