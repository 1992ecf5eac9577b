import { Catch, Global, HttpException, Injectable, Module } from '@nestjs/common';
import type { ArgumentsHost, CanActivate, ExceptionFilter, ExecutionContext, INestApplication } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { JobStore, NotificationStore } from '@zmp-manual/job-events';
import type { Request, Response } from 'express';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { JOB_STORE, MANUALS_PATHS, NOTIFICATION_STORE } from '../../api.tokens';
import type { ApiConfig, ManualsPaths } from '../../api.tokens';
import type { AuthUser } from '../../auth/auth-user';
import { loadApiConfig } from '../../config/load-api-config';
import { CoreModule } from '../../core/core.module';
import { ApiError, ValidationError } from '../../errors/api-error';

/**
 * An in-process API for the streams and notifications specs: the real core module (config, Redis, stores,
 * event bus) plus the modules under test, behind two stand-ins for other modules' parts — a guard that takes
 * the user from test headers (`x-test-user`, `x-test-roles: admin,publisher`) and a filter that answers
 * `ApiError`/`ValidationError` the way the real exception filter does (`{"detail": …}`, status, headers).
 */

export const TEST_ROOT_PAGE_ID = '19ab7135-d33b-803b-8ea7-ff3e366f707d';

/** `MANUALS_PATHS` stand-in: paths by `solution/pageId`, and every lookup it was asked. */
export class FakeManualsPaths implements ManualsPaths {
  readonly paths = new Map<string, string>();
  readonly lookups: string[] = [];

  async titlePath(solution: string, pageId: string): Promise<string | null> {
    this.lookups.push(`${solution}/${pageId}`);
    return this.paths.get(`${solution}/${pageId}`) ?? null;
  }
}

@Injectable()
class TestAuthGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const username = request.header('x-test-user');
    if (!username) throw ApiError.unauthorized('Not authenticated');
    const roles = (request.header('x-test-roles') ?? '').split(',').filter((role) => role !== '');
    const isAdmin = roles.includes('admin');
    request.user = { username, subject: username, email: null, roles, isAdmin, isPublisher: isAdmin || roles.includes('publisher') };
    return true;
  }
}

@Catch()
class TestErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (error instanceof ApiError) {
      res.status(error.status).set(error.headers).json({ detail: error.detail });
    } else if (error instanceof ValidationError) {
      res.status(422).json({ detail: error.issues });
    } else if (error instanceof HttpException) {
      res.status(error.getStatus()).json({ detail: error.message });
    } else {
      console.error(error);
      res.status(500).json({ detail: 'Internal server error' });
    }
  }
}

export interface StreamsTestApp {
  app: INestApplication;
  /** `http://127.0.0.1:<port>/api/manual/v1` */
  base: string;
  config: ApiConfig;
  jobs: JobStore;
  notifications: NotificationStore;
  paths: FakeManualsPaths;
  /** Closes the app and deletes every key under its prefix. */
  close(): Promise<void>;
}

/** Boots `modules` on port 0 under a fresh key prefix (`test:<name>:<uuid>:`, name up to 18 characters); `env` overrides the defaults. */
export async function startStreamsTestApp(name: string, modules: unknown[], env: Record<string, string> = {}): Promise<StreamsTestApp> {
  const config = loadApiConfig({
    AUTH_MODE: 'dev',
    AUTH_DEV_SECRET: 'test-secret-of-at-least-32-characters!!',
    SOLUTIONS: 'zcp',
    ZCP_ROOT_PAGE_ID: TEST_ROOT_PAGE_ID,
    REDIS_KEY_PREFIX: `test:${name}:${randomUUID()}:`,
    SSE_HEARTBEAT_MS: '0',
    SSE_PING_EVENT_MS: '0',
    SSE_CLOSE_DELAY_MS: '50',
    ...env,
  });
  const paths = new FakeManualsPaths();

  @Global()
  @Module({ providers: [{ provide: MANUALS_PATHS, useValue: paths }], exports: [MANUALS_PATHS] })
  class FakeManualsModule {}

  @Module({
    imports: [CoreModule.forRoot(config), FakeManualsModule, ...(modules as never[])],
    providers: [{ provide: APP_GUARD, useClass: TestAuthGuard }],
  })
  class TestRootModule {}

  const app = await NestFactory.create(TestRootModule, { logger: ['error', 'warn'] });
  app.setGlobalPrefix(config.appRoot);
  app.enableCors({ origin: 'https://frontend.example', exposedHeaders: ['Retry-After'] }); // stands in for the security module's CORS
  app.useGlobalFilters(new TestErrorFilter());
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    base: `http://127.0.0.1:${port}${config.appRoot}`,
    config,
    jobs: app.get<JobStore>(JOB_STORE),
    notifications: app.get<NotificationStore>(NOTIFICATION_STORE),
    paths,
    close: async () => {
      await app.close();
      await deleteKeys(config.redisUrl, config.keyPrefix);
    },
  };
}

async function deleteKeys(redisUrl: string, keyPrefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}

/** Headers of a test user (`roles`: `admin`, `publisher`). */
export const as = (username: string, ...roles: string[]): Record<string, string> => ({ 'x-test-user': username, ...(roles.length ? { 'x-test-roles': roles.join(',') } : {}) });
