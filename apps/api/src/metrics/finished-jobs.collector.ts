import { Inject, Injectable, Logger } from '@nestjs/common';
import type { JobRecord, JobState, JobStore } from '@zmp-manual/job-events';
import { Counter, Histogram, Registry } from 'prom-client';
import { JOB_STORE } from '../api.tokens';
import { JOB_DURATION_BUCKETS, METRICS_PREFIX, METRICS_REGISTRY } from './metrics.tokens';
import { SeenIds } from './seen-ids';

/** The final states a finished job is counted in. */
export const FINISHED_STATES = ['completed', 'failed', 'cancelled'] as const satisfies readonly JobState[];
/** How many of the newest jobs of each final state a scrape reads. */
export const FINISHED_WINDOW = 100;
/** Job ids remembered as counted: far more than the window of every state, so a job in a window is never counted twice. */
const SEEN_CAPACITY = 10_000;

type JobLabel = 'solution' | 'state';

/**
 * `zmp_api_jobs_finished_total{solution,state}` and `zmp_api_job_duration_seconds{solution,state}` (from
 * `created_at` to `finished_at`, queueing included). The API runs no job, so it learns of finished ones at
 * scrape time: the newest `FINISHED_WINDOW` jobs of each final state are read from the job store and each id is
 * observed once per process. So every API replica counts the same jobs (aggregate with `max`, not `sum`), a
 * process counts the recent jobs it finds at its first scrape, and more than `FINISHED_WINDOW` jobs of one state
 * finishing between two scrapes are partly missed. The worker's own `zmp_worker_*` metrics count at the source.
 */
@Injectable()
export class FinishedJobsCollector {
  private readonly logger = new Logger('Metrics');
  private readonly seen = new SeenIds(SEEN_CAPACITY);
  private readonly finished: Counter<JobLabel>;
  private readonly duration: Histogram<JobLabel>;
  private reading: Promise<void> | null = null;

  constructor(
    @Inject(METRICS_REGISTRY) registry: Registry,
    @Inject(JOB_STORE) private readonly jobs: JobStore,
  ) {
    // Both metrics are rendered concurrently by a scrape: they share one read of the store.
    const refresh = () => this.refresh();
    this.finished = new Counter({
      name: `${METRICS_PREFIX}jobs_finished_total`,
      help: 'Publish jobs seen in a final state by this API process, by solution and state',
      labelNames: ['solution', 'state'],
      registers: [registry],
      collect: refresh,
    });
    this.duration = new Histogram({
      name: `${METRICS_PREFIX}job_duration_seconds`,
      help: 'Publish job duration from creation (queueing included) to its final state, by solution and state',
      labelNames: ['solution', 'state'],
      buckets: JOB_DURATION_BUCKETS,
      registers: [registry],
      collect: refresh,
    });
  }

  /** Reads the newest finished jobs once, however many metrics ask during one scrape. */
  refresh(): Promise<void> {
    this.reading ??= this.read().finally(() => {
      this.reading = null;
    });
    return this.reading;
  }

  private async read(): Promise<void> {
    for (const status of FINISHED_STATES) {
      let items: JobRecord[];
      try {
        ({ items } = await this.jobs.list({ status, size: FINISHED_WINDOW }));
      } catch (error) {
        this.logger.warn(`${status} jobs not read (${(error as Error).message})`);
        continue;
      }
      for (const job of items) this.observe(job, status);
    }
  }

  private observe(job: JobRecord, state: (typeof FINISHED_STATES)[number]): void {
    if (!this.seen.touch(job.job_id)) return;
    const labels = { solution: job.solution ?? 'unknown', state };
    this.finished.inc(labels);
    const seconds = (Date.parse(job.finished_at ?? '') - Date.parse(job.created_at)) / 1000;
    if (Number.isFinite(seconds)) this.duration.observe(labels, Math.max(0, seconds));
  }
}
