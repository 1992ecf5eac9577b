import { Controller, Get, Global, Module, Post } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SECRET_REDACTOR } from '../../api.tokens';
import type { ApiConfig, SecretRedaction } from '../../api.tokens';
import { loadApiConfig } from '../../config/load-api-config';
import { CoreModule } from '../../core/core.module';
import { ApiExceptionFilter } from '../../errors/api-exception.filter';
import { deleteKeys } from '../../testing/redis-keys';
import type { AuthUser } from '../auth-user';
import { AllowTicket, CurrentUser, Public, RequireRole } from '../auth.decorators';
import { AuthModule } from '../auth.module';
import { JWKS_OPTIONS } from '../jwks-key.store';
import type { JwksOptions } from '../jwks-key.store';

/** Routes guarded every way the decorators allow, answering the user the guard found. */
@Controller('probe')
class ProbeController {
  @Get('user')
  user(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }

  @Public()
  @Get('public')
  open(): { ok: true } {
    return { ok: true };
  }

  @RequireRole('publisher')
  @Post('publish')
  publish(@CurrentUser() user: AuthUser): { by: string } {
    return { by: user.username };
  }

  @RequireRole('admin')
  @Get('admin')
  admin(@CurrentUser() user: AuthUser): { by: string } {
    return { by: user.username };
  }

  @AllowTicket()
  @Get('stream')
  stream(@CurrentUser() user: AuthUser): { by: string } {
    return { by: user.username };
  }
}

export interface AuthTestApp {
  app: INestApplication;
  /** `http://127.0.0.1:<port>/api/manual/v1` */
  base: string;
  config: ApiConfig;
  /** A connection of the spec's own, for looking at the keys. */
  redis: Redis;
  /** Closes the app and deletes every key under its prefix. */
  close(): Promise<void>;
}

/**
 * For the auth specs: the real core module (config, Redis) and the real auth module with its global guard and
 * controller, a probe controller, the API's exception filter and global prefix, on port 0 under a fresh key
 * prefix (`test:auth:<uuid>:`). `env` is the API's environment; `jwks` the key store's timing.
 */
export async function startAuthTestApp(env: Record<string, string>, jwks: JwksOptions = {}): Promise<AuthTestApp> {
  const config = loadApiConfig({ SOLUTIONS: 'zcp', ZCP_ROOT_PAGE_ID: '19ab7135-d33b-803b-8ea7-ff3e366f707d', REDIS_KEY_PREFIX: `test:auth:${randomUUID()}:`, ...env });

  @Global()
  @Module({ providers: [{ provide: JWKS_OPTIONS, useValue: jwks }], exports: [JWKS_OPTIONS] })
  class JwksOptionsModule {}

  @Module({ imports: [CoreModule.forRoot(config), JwksOptionsModule, AuthModule], controllers: [ProbeController] })
  class AuthTestModule {}

  const app = await NestFactory.create(AuthTestModule, { logger: ['error'] });
  app.setGlobalPrefix(config.appRoot);
  app.useGlobalFilters(new ApiExceptionFilter(app.get<SecretRedaction>(SECRET_REDACTOR)));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const redis = new Redis(config.redisUrl);
  return {
    app,
    base: `http://127.0.0.1:${port}${config.appRoot}`,
    config,
    redis,
    close: async () => {
      await app.close();
      await deleteKeys(redis, config.keyPrefix);
      await redis.quit();
    },
  };
}
