import 'reflect-metadata';
import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ApiConfig } from './api.tokens';
import { AppModule } from './app.module';
import { mountDashboard } from './dashboard/mount-dashboard';
import { setupDocs } from './docs/setup-docs';
import { applyHttpPlatform } from './security/http-platform';

export interface CreateApiAppOptions {
  /** Nest log levels (default log, warn, error). */
  logLevels?: LogLevel[];
}

/**
 * Builds the API from a parsed configuration; `main.ts` listens on it, tests listen on port 0. Every route is
 * under `APP_ROOT` (the probes and `/metrics` also at the root). Nest's body parsers are off: ours give the
 * webhooks their raw bytes and answer oversized or malformed bodies. Open connections (SSE streams) are
 * closed at shutdown; shutdown hooks are on, since the API runs no Bull processor that could hang them.
 */
export async function createApiApp(config: ApiConfig, options: CreateApiAppOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    forceCloseConnections: true,
    logger: options.logLevels ?? ['log', 'warn', 'error'],
  });
  // Behind an ingress: the client IP (rate limits) and https (secure cookies) come from the trusted proxies.
  if (config.trustProxyHops > 0) app.set('trust proxy', config.trustProxyHops);
  applyHttpPlatform(app, config);
  app.enableShutdownHooks();
  setupDocs(app, config);
  mountDashboard(app, config);
  return app;
}
