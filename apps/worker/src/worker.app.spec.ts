import type { INestApplication } from '@nestjs/common';
import { JobStore } from '@zmp-manual/job-events';
import Bull from 'bull';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createWorkerApp } from './bootstrap';
import { loadWorkerConfig } from './config/load-worker-config';
import { bullPrefix } from '@zmp-manual/queue-contract';
import { PUBLISH_QUEUE } from './worker.tokens';

const REDIS_URL = 'redis://127.0.0.1:6379';

/** The worker booted in-process on the real Redis: its HTTP surface and how it treats a bad payload. */
describe('worker application', () => {
  const keyPrefix = `zmp-test-${randomUUID().slice(0, 8)}:`;
  const redis = new Redis(REDIS_URL);
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    const config = loadWorkerConfig({
      WORKER_NAME: 'spec-worker',
      REDIS_URL,
      REDIS_KEY_PREFIX: keyPrefix,
      WORKER_DATA_DIR: '/tmp/zmp-worker-spec',
      NOTION_TOKEN: 'secret_spec',
      NOTION_BASE_URL: 'http://127.0.0.1:9',
      SOLUTIONS: 'zcp',
      ZCP_ROOT_PAGE_ID: '19ab7135d33b803b8ea7ff3e366f707d',
      GITHUB_REPO_URL: 'http://127.0.0.1:9/site.git',
      TRANSLATION_PROVIDER: 'pseudo',
    });
    app = await createWorkerApp(config, { logLevels: ['error'] });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app.close();
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('answers health as the original, liveness and readiness', async () => {
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['status', 'version', 'timestamp']);
    expect(body).toMatchObject({ status: 'healthy', version: '0.1.0' });
    expect(Date.parse(String(body.timestamp))).not.toBeNaN();

    expect(await (await fetch(`${base}/health/live`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { redis: 'up', queue: 'up' } });
  });

  it('has no API routes (only health and metrics)', async () => {
    expect((await fetch(`${base}/metrics`)).status).toBe(200);
    expect((await fetch(`${base}/api/manual/v1/health`)).status).toBe(404);
    expect((await fetch(`${base}/jobs`)).status).toBe(404);
  });

  it('fails the record of a job whose payload is invalid, and completes the Bull job', async () => {
    const jobs = new JobStore({ redis, keyPrefix });
    const jobId = randomUUID();
    await jobs.create({ job_id: jobId, solution: 'zcp', notion_page_id: 'x' });
    const queue = new Bull(PUBLISH_QUEUE, REDIS_URL, { prefix: bullPrefix(keyPrefix) });
    try {
      await queue.add({ version: 1, job_id: jobId, solution: 'zcp' }, { jobId, removeOnComplete: true });
      let record = await jobs.get(jobId);
      for (let i = 0; i < 100 && record?.status !== 'failed'; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        record = await jobs.get(jobId);
      }
      expect(record).toMatchObject({ status: 'failed', failure_reason: 'unknown_error', failure: { code: 'invalid_payload', step: null } });
      expect(record?.message).toMatch(/^Publication failed: Invalid publish job payload: notion_page_id: /);
      for (let i = 0; i < 100 && (await queue.getJob(jobId)); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await queue.getJob(jobId)).toBeNull();
    } finally {
      await queue.close();
    }
  });
});
