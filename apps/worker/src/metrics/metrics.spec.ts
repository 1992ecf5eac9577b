import { BullModule, getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { MaintenanceQueueModule } from '../maintenance/maintenance-queue.module';
import type { SideServicesApp } from '../maintenance/testing/side-services.testing';
import { deleteKeys, startSideServices } from '../maintenance/testing/side-services.testing';
import type { WorkerMetrics } from '../worker.tokens';
import { PUBLISH_QUEUE, WORKER_METRICS } from '../worker.tokens';
import { MetricsModule } from './metrics.module';

let side: SideServicesApp;

beforeAll(async () => {
  side = await startSideServices({ imports: [MetricsModule, BullModule.registerQueue({ name: PUBLISH_QUEUE }), MaintenanceQueueModule], listen: true });
});

afterAll(async () => {
  await side.close();
  await deleteKeys(side.config.keyPrefix);
});

const scrape = async () => {
  const response = await fetch(`${side.url}/metrics`);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};

describe('GET /metrics', () => {
  it('shows the job counters, the duration histogram, queue depths and process metrics in the text format', async () => {
    const metrics = side.app.get<WorkerMetrics>(WORKER_METRICS);
    metrics.jobStarted('zcp');
    metrics.jobStarted('zcp');
    metrics.jobStarted('apim');
    metrics.jobFinished('zcp', 'completed', 4_000);
    metrics.jobFinished('zcp', 'failed', 90_000);
    metrics.jobReleased!('apim');
    const publish = side.app.get<Queue>(getQueueToken(PUBLISH_QUEUE));
    await publish.add({ job_id: 'waits' }, { delay: 600_000 });
    await publish.add({ job_id: 'queued' });

    const { status, type, text } = await scrape();
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain;/);
    expect(type).toContain('version=0.0.4');
    const lines = text.split('\n');
    expect(lines).toEqual(expect.arrayContaining([
      'zmp_worker_jobs_started_total{solution="zcp"} 2',
      'zmp_worker_jobs_started_total{solution="apim"} 1',
      'zmp_worker_jobs_finished_total{solution="zcp",state="completed"} 1',
      'zmp_worker_jobs_finished_total{solution="zcp",state="failed"} 1',
      'zmp_worker_jobs_released_total{solution="apim"} 1',
      'zmp_worker_job_duration_seconds_bucket{le="5",solution="zcp",state="completed"} 1',
      'zmp_worker_job_duration_seconds_bucket{le="60",solution="zcp",state="failed"} 0',
      'zmp_worker_job_duration_seconds_bucket{le="120",solution="zcp",state="failed"} 1',
      'zmp_worker_job_duration_seconds_sum{solution="zcp",state="failed"} 90',
      'zmp_worker_job_duration_seconds_count{solution="zcp",state="completed"} 1',
      'zmp_worker_queue_jobs{queue="publish",state="waiting"} 1',
      'zmp_worker_queue_jobs{queue="publish",state="delayed"} 1',
      'zmp_worker_queue_jobs{queue="publish",state="active"} 0',
      'zmp_worker_queue_jobs{queue="publish",state="failed"} 0',
      'zmp_worker_queue_jobs{queue="maintenance",state="waiting"} 0',
      '# TYPE zmp_worker_job_duration_seconds histogram',
    ]));
    expect(lines.some((line) => line.startsWith('process_cpu_user_seconds_total '))).toBe(true);
    expect(lines.some((line) => line.startsWith('nodejs_heap_size_used_bytes '))).toBe(true);
  });

  it('is not served when METRICS_ENABLED is false', async () => {
    side.config.metricsEnabled = false;
    try {
      expect((await scrape()).status).toBe(404);
    } finally {
      side.config.metricsEnabled = true;
    }
    expect((await scrape()).status).toBe(200);
  });
});
