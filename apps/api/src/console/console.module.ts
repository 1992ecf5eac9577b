import { Inject, Module } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { API_CONFIG } from '../api.tokens';
import type { ApiConfig } from '../api.tokens';
import { consoleHandler } from './console.handler';
import { ConsoleService } from './console.service';

/** Where the console answers: `${APP_ROOT}/console/`. */
export const consolePath = (config: ApiConfig) => `${config.appRoot}/console`;

/**
 * The web console (`APP_ROOT/console/`): static HTML, CSS and ES modules that call the API with a token. Like
 * Swagger UI and the queue dashboard it is not an API route (not in the OpenAPI document, no auth guard, no
 * rate limit): an Express handler mounted while the app initialises, after Nest's routes and before its 404
 * handler. helmet's CSP and CORS, installed earlier, apply to it.
 */
@Module({ providers: [ConsoleService] })
export class ConsoleModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly consoleService: ConsoleService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  onModuleInit(): void {
    this.adapterHost.httpAdapter.use(consolePath(this.config), consoleHandler(this.consoleService));
  }
}
