import { Global, Injectable, Module } from '@nestjs/common';
import type { CanActivate, DynamicModule, ExecutionContext, INestApplication, LoggerService, ModuleMetadata } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import type { Request } from 'express';
import type { AddressInfo } from 'node:net';
import type { ApiConfig } from '../../api.tokens';
import type { AuthUser } from '../../auth/auth-user';
import { CoreModule } from '../../core/core.module';
import { applyHttpPlatform } from '../http-platform';

/**
 * Small in-process apps for the platform specs (security/, errors/, health/): the real core module, the
 * Express layer of `createApiApp` (`applyHttpPlatform`) and the modules under test, listening on a free port.
 * `TestUserModule` stands in for the auth guard (user from `x-test-user`, no token) where a spec needs the
 * security module's view of a user; the feature specs use testing/api-test-app.ts (the real auth) instead.
 * Configurations come from `testConfig` (testing/api-test-app.ts).
 */

const testUser = (username: string): AuthUser => ({ username, subject: username, email: null, roles: [], isAdmin: false, isPublisher: true });

/** Sets `request.user` from `x-test-user` (or leaves it unset), as the real auth guard would before the rate limiter. */
@Injectable()
class TestUserGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const username = request.headers['x-test-user'];
    if (typeof username === 'string' && username !== '') request.user = testUser(username);
    return true;
  }
}

/** Import before the security module: global guards run in registration order. */
@Global()
@Module({ providers: [{ provide: APP_GUARD, useClass: TestUserGuard }] })
export class TestUserModule {}

/** Keeps every log line (with its level) for assertions. */
export class CapturingLogger implements LoggerService {
  readonly lines: Array<{ level: string; message: string }> = [];

  log(message: unknown): void {
    this.push('log', message);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.push('error', [message, ...rest.filter((part) => typeof part === 'string')].join('\n'));
  }
  warn(message: unknown): void {
    this.push('warn', message);
  }
  debug(message: unknown): void {
    this.push('debug', message);
  }
  verbose(message: unknown): void {
    this.push('verbose', message);
  }

  /** Lines that contain `text`. */
  find(text: string): Array<{ level: string; message: string }> {
    return this.lines.filter((line) => line.message.includes(text));
  }

  private push(level: string, message: unknown): void {
    this.lines.push({ level, message: typeof message === 'string' ? message : JSON.stringify(message) });
  }
}

@Module({})
class PlatformTestModule {}

export interface PlatformTestApp {
  app: INestApplication;
  /** `http://127.0.0.1:<port>` */
  url: string;
  logs: CapturingLogger;
  close(): Promise<void>;
}

/** Starts `CoreModule.forRoot(config)` + `metadata` behind the API's Express layer. */
export async function startPlatformApp(config: ApiConfig, metadata: ModuleMetadata): Promise<PlatformTestApp> {
  const root: DynamicModule = { ...metadata, module: PlatformTestModule, imports: [CoreModule.forRoot(config), ...(metadata.imports ?? [])] };
  const logs = new CapturingLogger();
  const app = await NestFactory.create(root, { bodyParser: false, forceCloseConnections: true, logger: logs });
  applyHttpPlatform(app, config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, logs, close: () => app.close() };
}
