import { Catch, HttpException, Injectable, Logger, Module } from '@nestjs/common';
import type { ArgumentsHost, CanActivate, DynamicModule, ExceptionFilter, ExecutionContext, INestApplication, ModuleMetadata } from '@nestjs/common';
import { APP_GUARD, NestFactory, Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { raw } from 'express';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { ApiConfig } from '../../api.tokens';
import type { AuthUser } from '../../auth/auth-user';
import { IS_PUBLIC, REQUIRED_ROLE } from '../../auth/auth.decorators';
import { loadApiConfig } from '../../config/load-api-config';
import { CoreModule } from '../../core/core.module';
import { ApiError, ValidationError } from '../../errors/api-error';

/**
 * For the manuals and webhooks specs: the module under test on the real core module (config, Redis, stores,
 * bus, queues) and the real Redis, under a key prefix of its own, with stand-ins for what other parts of the
 * API provide in the app — a user-setting guard (`x-test-user`, `x-test-roles`), a filter giving the
 * FastAPI-shaped errors, the global prefix and the raw body parser on the webhook path.
 */

export const TEST_USER_HEADER = 'x-test-user';
export const TEST_ROLES_HEADER = 'x-test-roles';

/** Headers that make the test guard see `username` with `roles` (`publisher`, `admin`). */
export const asUser = (username: string, ...roles: Array<'publisher' | 'admin'>): Record<string, string> => ({
  [TEST_USER_HEADER]: username,
  [TEST_ROLES_HEADER]: roles.join(','),
});

/** Honours `@Public()` and `@RequireRole()` as the real auth guard does, from two plain headers. */
@Injectable()
class TestUserGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthUser }>();
    const username = request.headers[TEST_USER_HEADER];
    if (!username) throw ApiError.unauthorized('Not authenticated');
    const roles = (request.headers[TEST_ROLES_HEADER] ?? '').split(',').filter((role) => role !== '');
    const isAdmin = roles.includes('admin');
    request.user = { username, subject: username, email: null, roles, isAdmin, isPublisher: isAdmin || roles.includes('publisher') };
    const required = this.reflector.getAllAndOverride<'publisher' | 'admin' | undefined>(REQUIRED_ROLE, targets);
    if ((required === 'admin' && !isAdmin) || (required === 'publisher' && !request.user.isPublisher)) throw ApiError.forbidden('Insufficient role');
    return true;
  }
}

/** `{"detail": …}` with the error's status, as the API's exception filter answers. */
@Catch()
class TestErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof ApiError) {
      response.status(exception.status).set(exception.headers).json({ detail: exception.detail });
    } else if (exception instanceof ValidationError) {
      response.status(422).json({ detail: exception.issues });
    } else if (exception instanceof HttpException) {
      response.status(exception.getStatus()).json({ detail: exception.message });
    } else {
      new Logger('TestErrorFilter').error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
      response.status(500).json({ detail: 'Internal server error' });
    }
  }
}

@Module({})
class TestApiModule {}

export interface TestApi {
  app: INestApplication;
  config: ApiConfig;
  /** `http://127.0.0.1:<port>` + `APP_ROOT`. */
  root: string;
  /** A connection of the spec's own (inspect keys, write from "another process"). */
  redis: Redis;
  /** Closes the app, deletes every key under the prefix, closes `redis`. */
  close(): Promise<void>;
}

/** Every key under `prefix`, sorted. */
export async function keysUnder(redis: Redis, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys.sort();
}

/** Starts `imports` under the real core module, from a test environment (`env` overrides it), on port 0. */
export async function startTestApi(env: Record<string, string>, imports: NonNullable<ModuleMetadata['imports']>): Promise<TestApi> {
  const config = loadApiConfig({
    AUTH_MODE: 'dev',
    AUTH_DEV_SECRET: 'dev-secret-for-the-manuals-and-webhooks-specs',
    REDIS_KEY_PREFIX: `test:api-manuals:${randomUUID()}:`,
    ...env,
  });
  const module: DynamicModule = {
    module: TestApiModule,
    imports: [CoreModule.forRoot(config), ...imports],
    providers: [{ provide: APP_GUARD, useClass: TestUserGuard }],
  };
  const app = await NestFactory.create(module, { logger: ['error'] });
  app.setGlobalPrefix(config.appRoot);
  app.use(`${config.appRoot}/webhook/notion`, raw({ type: '*/*', limit: config.bodyLimitBytes }));
  app.useGlobalFilters(new TestErrorFilter());
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const redis = new Redis(config.redisUrl);
  return {
    app,
    config,
    root: `http://127.0.0.1:${port}${config.appRoot}`,
    redis,
    async close() {
      await app.close();
      const keys = await keysUnder(redis, config.keyPrefix);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    },
  };
}

/** Polls `check` until it returns something other than `undefined` (or throws after `timeoutMs`). */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
