import { getQueueToken } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bull';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { MAINTENANCE_QUEUE, PUBLISH_QUEUE } from '../worker.tokens';
import type { WorkerMetrics } from '../worker.tokens';
import { METRICS_REGISTRY } from './metrics.tokens';

/** Queue states a depth gauge is kept for. */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/** Publish job durations run from seconds (nothing changed) to an hour (a first translation of a big manual). */
const DURATION_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600];

/**
 * `WORKER_METRICS`: publish jobs started and finished (by solution and final state) and their duration, plus
 * the depth of the publish and maintenance queues, read from Redis when Prometheus scrapes.
 */
@Injectable()
export class WorkerMetricsService implements WorkerMetrics {
  private readonly logger = new Logger('Metrics');
  private readonly started: Counter<'solution'>;
  private readonly finished: Counter<'solution' | 'state'>;
  private readonly released: Counter<'solution'>;
  private readonly duration: Histogram<'solution' | 'state'>;
  private readonly missingQueues = new Set<string>();

  constructor(
    @Inject(METRICS_REGISTRY) registry: Registry,
    private readonly moduleRef: ModuleRef,
  ) {
    const registers = [registry];
    this.started = new Counter({ name: 'zmp_worker_jobs_started_total', help: 'Publish jobs started (attempts), by solution', labelNames: ['solution'], registers });
    this.finished = new Counter({ name: 'zmp_worker_jobs_finished_total', help: 'Publish jobs that reached a final state, by solution and state', labelNames: ['solution', 'state'], registers });
    this.released = new Counter({
      name: 'zmp_worker_jobs_released_total',
      help: 'Publish jobs that left this worker without a final state (handed back at shutdown, or taken over), by solution',
      labelNames: ['solution'],
      registers,
    });
    this.duration = new Histogram({
      name: 'zmp_worker_job_duration_seconds',
      help: 'Duration of publish jobs from start to final state, by solution and state',
      labelNames: ['solution', 'state'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    const queues = (name: string) => this.queue(name);
    new Gauge({
      name: 'zmp_worker_queue_jobs',
      help: 'Jobs in the worker queues by state, read at scrape time',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        for (const name of [PUBLISH_QUEUE, MAINTENANCE_QUEUE]) {
          const queue = queues(name);
          if (!queue) continue;
          const counts = await queue.getJobCounts();
          for (const state of QUEUE_STATES) this.set({ queue: name, state }, counts[state]);
        }
      },
    });
  }

  jobStarted(solution: string): void {
    this.started.inc({ solution });
  }

  jobFinished(solution: string, state: 'completed' | 'failed' | 'cancelled', durationMs: number): void {
    this.finished.inc({ solution, state });
    this.duration.observe({ solution, state }, Math.max(0, durationMs) / 1000);
  }

  jobReleased(solution: string): void {
    this.released.inc({ solution });
  }

  /** The queue registered anywhere in the app, or null (its gauges are then left out). */
  private queue(name: string): Queue | null {
    try {
      return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
    } catch {
      if (!this.missingQueues.has(name)) this.logger.warn(`queue ${name} is not registered: no depth gauge for it`);
      this.missingQueues.add(name);
      return null;
    }
  }
}
