import { getQueueToken } from '@nestjs/bull';
import { Catch, Controller, Get, Global, Injectable, Module, Param } from '@nestjs/common';
import type { ArgumentsHost, CanActivate, ExceptionFilter, ExecutionContext, INestApplication } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import type { JobStore } from '@zmp-manual/job-events';
import { PUBLISH_QUEUE } from '@zmp-manual/queue-contract';
import type { Queue } from 'bull';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { JOB_STORE, REQUEST_AUTHENTICATOR, SSE_STATS } from '../api.tokens';
import type { ApiConfig, SseStats } from '../api.tokens';
import { loadApiConfig } from '../config/load-api-config';
import { CoreModule } from '../core/core.module';
import { ApiError } from '../errors/api-error';
import { FakeAuthenticator } from '../testing/fake-authenticator';
import { deleteKeysAt } from '../testing/redis-keys';
import { MetricsModule } from './metrics.module';

const authenticator = new FakeAuthenticator();
const sseStats: SseStats = { open: () => ({ watch: 2, notifications: 5 }) };

@Global()
@Module({
  providers: [
    { provide: REQUEST_AUTHENTICATOR, useValue: authenticator },
    { provide: SSE_STATS, useValue: sseStats },
  ],
  exports: [REQUEST_AUTHENTICATOR, SSE_STATS],
})
class FakePortsModule {}

@Controller('things')
class ThingsController {
  @Get(':id')
  thing(@Param('id') id: string) {
    if (id === 'missing') throw ApiError.notFound('No such thing');
    return { id };
  }
}

/** Like the real auth guard, refuses before any interceptor or handler runs: `x-deny` → 401. */
@Injectable()
class DenyingGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.switchToHttp().getRequest<Request>().header('x-deny')) throw ApiError.unauthorized('Not authenticated');
    return true;
  }
}

@Catch(ApiError)
class ApiErrorFilter implements ExceptionFilter {
  catch(error: ApiError, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<Response>().status(error.status).set(error.headers).json({ detail: error.detail });
  }
}

let app: INestApplication;
let config: ApiConfig;
let base: string;

beforeAll(async () => {
  config = loadApiConfig({
    AUTH_MODE: 'dev',
    AUTH_DEV_SECRET: 'test-secret-of-at-least-32-characters!!',
    SOLUTIONS: 'zcp',
    ZCP_ROOT_PAGE_ID: '19ab7135-d33b-803b-8ea7-ff3e366f707d',
    REDIS_KEY_PREFIX: `test:api-metrics:${randomUUID()}:`,
  });

  @Module({
    imports: [CoreModule.forRoot(config), FakePortsModule, MetricsModule],
    controllers: [ThingsController],
    providers: [{ provide: APP_GUARD, useClass: DenyingGuard }],
  })
  class TestRootModule {}

  app = await NestFactory.create(TestRootModule, { logger: ['error'] });
  app.setGlobalPrefix(config.appRoot);
  app.useGlobalFilters(new ApiErrorFilter());
  await app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}${config.appRoot}`;
});

afterAll(async () => {
  await app.close();
  await deleteKeysAt(config.redisUrl, config.keyPrefix);
});

const scrape = async (headers: Record<string, string> = {}) => {
  const response = await fetch(`${base}/metrics`, { headers });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};
const lines = async () => (await scrape()).text.split('\n');
/** The value of one exact sample line (`name{labels}`), or undefined. */
const sample = (all: string[], series: string): number | undefined => {
  const line = all.find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('GET /metrics', () => {
  it('serves the Prometheus text format with the process metrics under the zmp_api_ prefix', async () => {
    const { status, type, text } = await scrape();
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const all = text.split('\n');
    for (const name of ['zmp_api_http_requests_total', 'zmp_api_http_request_duration_seconds', 'zmp_api_queue_jobs', 'zmp_api_sse_clients', 'zmp_api_jobs_finished_total', 'zmp_api_job_duration_seconds']) {
      expect(all).toContain(`# HELP ${name} ${all.find((l) => l.startsWith(`# HELP ${name} `))?.slice(`# HELP ${name} `.length)}`);
    }
    expect(all).toEqual(expect.arrayContaining(['# TYPE zmp_api_http_requests_total counter', '# TYPE zmp_api_job_duration_seconds histogram', '# TYPE zmp_api_queue_jobs gauge']));
    expect(all.some((l) => l.startsWith('zmp_api_process_cpu_user_seconds_total '))).toBe(true);
    expect(all.some((l) => l.startsWith('zmp_api_nodejs_heap_size_used_bytes '))).toBe(true);
    expect(all.some((l) => l.startsWith('process_cpu_user_seconds_total '))).toBe(false);
  });

  it('counts requests by route pattern (never the raw URL) and status, errors and guard refusals included', async () => {
    const before = await lines();
    const ok = 'zmp_api_http_requests_total{method="GET",route="/api/manual/v1/things/:id",status="200"}';
    const missing = 'zmp_api_http_requests_total{method="GET",route="/api/manual/v1/things/:id",status="404"}';
    const denied = 'zmp_api_http_requests_total{method="GET",route="/api/manual/v1/things/:id",status="401"}';
    const unmatched = 'zmp_api_http_requests_total{method="GET",route="unmatched",status="404"}';

    expect((await fetch(`${base}/things/a1`)).status).toBe(200);
    expect((await fetch(`${base}/things/b2`)).status).toBe(200);
    expect((await fetch(`${base}/things/missing`)).status).toBe(404);
    expect((await fetch(`${base}/things/c3`, { headers: { 'x-deny': '1' } })).status).toBe(401);
    expect((await fetch(`${base}/no/such/route`)).status).toBe(404);

    const after = await lines();
    expect((sample(after, ok) ?? 0) - (sample(before, ok) ?? 0)).toBe(2);
    expect((sample(after, missing) ?? 0) - (sample(before, missing) ?? 0)).toBe(1);
    expect((sample(after, denied) ?? 0) - (sample(before, denied) ?? 0)).toBe(1);
    expect((sample(after, unmatched) ?? 0) - (sample(before, unmatched) ?? 0)).toBe(1);
    expect(after.some((l) => l.includes('a1') || l.includes('no/such'))).toBe(false);
    const count = 'zmp_api_http_request_duration_seconds_count{method="GET",route="/api/manual/v1/things/:id",status="200"}';
    expect((sample(after, count) ?? 0) - (sample(before, count) ?? 0)).toBe(2);
    // The scrapes themselves are requests of the metrics route.
    expect(sample(after, 'zmp_api_http_requests_total{method="GET",route="/api/manual/v1/metrics",status="200"}')).toBeGreaterThan(0);
  });

  it('reports the depth of the Bull queues, read at scrape time', async () => {
    const publish = app.get<Queue>(getQueueToken(PUBLISH_QUEUE));
    const waiting = 'zmp_api_queue_jobs{queue="publish",state="waiting"}';
    const delayed = 'zmp_api_queue_jobs{queue="publish",state="delayed"}';
    const first = await lines();
    expect(sample(first, waiting)).toBe(0);
    expect(sample(first, 'zmp_api_queue_jobs{queue="maintenance",state="waiting"}')).toBe(0);

    await publish.add({ job_id: 'one' });
    await publish.add({ job_id: 'two' });
    await publish.add({ job_id: 'later' }, { delay: 600_000 });

    const second = await lines();
    expect(sample(second, waiting)).toBe(2);
    expect(sample(second, delayed)).toBe(1);
    expect(sample(second, 'zmp_api_queue_jobs{queue="publish",state="active"}')).toBe(0);
    expect(sample(second, 'zmp_api_queue_jobs{queue="maintenance",state="delayed"}')).toBe(0);
  });

  it('reports the open SSE clients of the streams module', async () => {
    const all = await lines();
    expect(sample(all, 'zmp_api_sse_clients{kind="watch"}')).toBe(2);
    expect(sample(all, 'zmp_api_sse_clients{kind="notifications"}')).toBe(5);
  });

  it('counts each finished job once, with its duration from creation to the end', async () => {
    const jobs = app.get<JobStore>(JOB_STORE);
    const finish = async (jobId: string, solution: string, status: 'completed' | 'failed' | 'cancelled') => {
      await jobs.create({ job_id: jobId, solution, notion_page_id: '1abb7135d33b80a79efff5ae2eaced37', initiated_by: 'ann' });
      if (status === 'cancelled') {
        await jobs.update(jobId, { status: 'cancelled' });
        return;
      }
      const { attempt } = await jobs.start(jobId, { worker: 'w1' });
      await jobs.update(jobId, { attempt, status });
    };
    await finish('job-a', 'zcp', 'completed');
    await finish('job-b', 'zcp', 'completed');
    await finish('job-c', 'apim', 'failed');
    await finish('job-d', 'zcp', 'cancelled');
    await jobs.create({ job_id: 'job-running', solution: 'zcp' });

    const first = await lines();
    expect(sample(first, 'zmp_api_jobs_finished_total{solution="zcp",state="completed"}')).toBe(2);
    expect(sample(first, 'zmp_api_jobs_finished_total{solution="apim",state="failed"}')).toBe(1);
    expect(sample(first, 'zmp_api_jobs_finished_total{solution="zcp",state="cancelled"}')).toBe(1);
    expect(sample(first, 'zmp_api_job_duration_seconds_count{solution="zcp",state="completed"}')).toBe(2);
    expect(sample(first, 'zmp_api_job_duration_seconds_bucket{le="1",solution="zcp",state="completed"}')).toBe(2);
    expect(first.some((l) => l.includes('state="queued"'))).toBe(false);

    // A second scrape sees the same jobs and counts nothing again; a newly finished one is added.
    await finish('job-e', 'zcp', 'completed');
    const second = await lines();
    expect(sample(second, 'zmp_api_jobs_finished_total{solution="zcp",state="completed"}')).toBe(3);
    expect(sample(second, 'zmp_api_jobs_finished_total{solution="apim",state="failed"}')).toBe(1);
    expect(sample(second, 'zmp_api_job_duration_seconds_count{solution="zcp",state="completed"}')).toBe(3);
  });

  it('needs an admin token when METRICS_PUBLIC is false', async () => {
    config.metricsPublic = false;
    try {
      const anonymous = await scrape();
      expect(anonymous.status).toBe(401);
      expect(JSON.parse(anonymous.text)).toEqual({ detail: 'Not authenticated' });
      const plain = await scrape({ authorization: 'Bearer ann' });
      expect(plain.status).toBe(403);
      expect(JSON.parse(plain.text)).toEqual({ detail: 'Metrics need the manual-admin role (METRICS_PUBLIC is false)' });
      const admin = await scrape({ authorization: 'Bearer admin' });
      expect(admin.status).toBe(200);
      expect(admin.text).toContain('zmp_api_http_requests_total');
    } finally {
      config.metricsPublic = true;
    }
    expect((await scrape()).status).toBe(200);
  });
});
