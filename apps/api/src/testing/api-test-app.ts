import { Module } from '@nestjs/common';
import type { DynamicModule, INestApplication, ModuleMetadata } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { ApiConfig } from '../api.tokens';
import { AuthModule } from '../auth/auth.module';
import { mintDevToken } from '../auth/dev-token';
import { loadApiConfig } from '../config/load-api-config';
import { CoreModule } from '../core/core.module';
import { ApiExceptionFilter } from '../errors/api-exception.filter';
import { applyHttpPlatform } from '../security/http-platform';
import { deleteKeys } from './redis-keys';

/**
 * One in-process API for the feature specs: the modules under test on the real core module (config, Redis,
 * stores, bus, queues), the real authentication (AUTH_MODE=dev: `as()` mints the tokens), the real exception
 * filter and the Express layer of `createApiApp` (prefix, body parsers — raw bytes on the webhooks —, CORS,
 * helmet), on port 0 under a key prefix of its own. So a spec sees exactly what a client of the API gets.
 */

export const TEST_AUTH_SECRET = 'api-specs-dev-secret-0123456789abcdef';
export const TEST_ROOT_PAGE_ID = '19ab7135-d33b-803b-8ea7-ff3e366f707d';
/** A v4 uuid, as `randomUUID()` makes them (error ids, job ids). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The headers of `username` with `roles` (the default AUTH_PUBLISHER_ROLE / AUTH_ADMIN_ROLE): a dev-mode Bearer token. */
export function as(username: string, ...roles: Array<'publisher' | 'admin'>): { authorization: string } {
  const names = roles.map((role) => (role === 'admin' ? 'manual-admin' : 'manual-publisher'));
  return { authorization: `Bearer ${mintDevToken(TEST_AUTH_SECRET, { username, roles: names })}` };
}

/** An error body as the API's exception filter writes it: `{"detail": …, "error_id": "<uuid>"}`. */
export const problem = (detail: unknown) => ({ detail, error_id: expect.stringMatching(UUID) as unknown as string });

/** The spec configuration: dev auth, one solution (`zcp`), prefix `test:<name>:<uuid>:`; `env` adds or overrides. */
export function testConfig(name: string, env: Record<string, string> = {}): ApiConfig {
  return loadApiConfig({
    AUTH_MODE: 'dev',
    AUTH_DEV_SECRET: TEST_AUTH_SECRET,
    SOLUTIONS: 'zcp',
    ZCP_ROOT_PAGE_ID: TEST_ROOT_PAGE_ID,
    REDIS_KEY_PREFIX: `test:${name}:${randomUUID()}:`,
    ...env,
  });
}

export interface ApiTestApp {
  app: INestApplication;
  config: ApiConfig;
  /** `http://127.0.0.1:<port>` + `APP_ROOT`. */
  base: string;
  /** A connection of the spec's own (inspect keys, write as "another process"). */
  redis: Redis;
  /** Closes the app, deletes every key under the prefix, closes `redis`. */
  close(): Promise<void>;
}

@Module({})
class ApiTestModule {}

/** Boots `metadata` (the modules under test, stand-ins for others) with `config` (see `testConfig`). */
export async function startApiTestApp(config: ApiConfig, metadata: ModuleMetadata): Promise<ApiTestApp> {
  const root: DynamicModule = {
    ...metadata,
    module: ApiTestModule,
    imports: [CoreModule.forRoot(config), AuthModule, ...(metadata.imports ?? [])],
    providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }, ...(metadata.providers ?? [])],
  };
  const app = await NestFactory.create(root, { bodyParser: false, forceCloseConnections: true, logger: ['error'] });
  applyHttpPlatform(app, config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const redis = new Redis(config.redisUrl);
  return {
    app,
    config,
    base: `http://127.0.0.1:${port}${config.appRoot}`,
    redis,
    async close() {
      await app.close();
      await deleteKeys(redis, config.keyPrefix);
      await redis.quit();
    },
  };
}
