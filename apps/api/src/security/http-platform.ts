import type { INestApplication } from '@nestjs/common';
import helmet from 'helmet';
import type { ApiConfig } from '../api.tokens';
import { rootAliasesMiddleware } from '../health/root-aliases.middleware';
import { installBodyParsers } from './body-parsers.middleware';
import { corsOptions } from './cors.options';
import { helmetOptions } from './helmet.options';

/**
 * The Express layer in front of every route, in order: the root aliases of the probes and metrics, helmet's
 * headers, CORS (answering preflights), the body parsers, and `APP_ROOT` as the global prefix of every
 * controller. `createApiApp` applies it; specs apply it to small test apps so they see what production does.
 */
export function applyHttpPlatform(app: INestApplication, config: ApiConfig): void {
  app.use(rootAliasesMiddleware(config.appRoot));
  app.use(helmet(helmetOptions(config)));
  app.enableCors(corsOptions(config));
  installBodyParsers(app, config);
  app.setGlobalPrefix(config.appRoot);
}
