import { Global, Module } from '@nestjs/common';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { SecretRedactor } from '@zmp-manual/app-config';
import { API_CONFIG, REDIS, SECRET_REDACTOR } from '../api.tokens';
import type { ApiConfig } from '../api.tokens';
import { createApiApp } from '../bootstrap';
import { RedisCloser, redisProvider } from '../core/redis.provider';
import { SecurityModule } from '../security/security.module';
import { applyHttpPlatform } from '../security/http-platform';
import { testConfig } from '../testing/api-test-app';
import { deleteKeys } from '../testing/redis-keys';
import type { HealthBody } from './health.controller';
import { HealthModule } from './health.module';
import { READINESS_TIMEOUT_MS } from './readiness.service';

async function listen(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
}

describe('API health (the whole app, over HTTP)', () => {
  const config = testConfig('api-health');
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    app = await createApiApp(config, { logLevels: ['error'] });
    url = await listen(app);
  });

  afterAll(async () => {
    await app.close();
    const redis = new Redis(config.redisUrl);
    await deleteKeys(redis, config.keyPrefix);
    await redis.quit();
  });

  it.each(['/health', '/api/manual/v1/health'])('answers GET %s in the original shape', async (path) => {
    const response = await fetch(url + path);
    expect(response.status).toBe(200);
    const body = (await response.json()) as HealthBody;
    expect(Object.keys(body)).toEqual(['status', 'version', 'timestamp']);
    expect(body).toEqual({ status: 'healthy', version: '0.1.0', timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) });
    expect(Math.abs(Date.parse(body.timestamp) - Date.now())).toBeLessThan(60_000);
  });

  it.each(['/health/live', '/api/manual/v1/health/live'])('answers GET %s {"status":"ok"}', async (path) => {
    const response = await fetch(url + path);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it.each(['/health/ready', '/api/manual/v1/health/ready'])('answers GET %s ready when Redis answers', async (path) => {
    const response = await fetch(url + path);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', checks: { redis: 'ok' } });
  });

  it('needs no token for health (the other routes do)', async () => {
    const response = await fetch(`${url}/health`, { headers: { Authorization: 'Bearer not-a-token' } });
    expect(response.status).toBe(200);
  });

  it('answers an unknown route 404 {"detail":"Not Found"} with an error id', async () => {
    const response = await fetch(`${url}/api/manual/v1/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ detail: 'Not Found', error_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });
});

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The health module (behind the security module) with only what they need from the core module. */
function healthOnly(config: ApiConfig): DynamicModule {
  @Global()
  @Module({
    providers: [{ provide: API_CONFIG, useValue: config }, { provide: SECRET_REDACTOR, useValue: new SecretRedactor([]) }, redisProvider, RedisCloser],
    exports: [API_CONFIG, SECRET_REDACTOR, REDIS],
  })
  class RedisOnlyModule {}
  @Module({})
  class HealthOnlyApp {}
  return { module: HealthOnlyApp, imports: [RedisOnlyModule, SecurityModule, HealthModule] };
}

describe('API health with Redis down', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    const config = testConfig('api-health-down', { REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });
    app = await NestFactory.create(healthOnly(config), { bodyParser: false, forceCloseConnections: true, logger: false, abortOnError: false });
    applyHttpPlatform(app, config);
    url = await listen(app);
  });

  afterAll(() => app.close());

  it('answers /health/ready 503 with a short reason, within about a second', async () => {
    const started = Date.now();
    const response = await fetch(`${url}/health/ready`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; checks: { redis: string } };
    expect(body).toEqual({ status: 'unavailable', checks: { redis: expect.any(String) } });
    expect(body.checks.redis).not.toBe('ok');
    expect(body.checks.redis.length).toBeLessThanOrEqual(120);
    expect(body.checks.redis).not.toMatch(/redis:\/\//);
    expect(Date.now() - started).toBeLessThan(READINESS_TIMEOUT_MS + 1_500);
  });

  it('still answers liveness and the original /health (the process is alive)', async () => {
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    expect((await fetch(`${url}/api/manual/v1/health`)).status).toBe(200);
  });
});
