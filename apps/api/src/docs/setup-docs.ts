import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { ApiConfig } from '../api.tokens';
import { buildOpenApiDocument } from './openapi.document';
import { swaggerUiInitScript, swaggerUiSettings } from './swagger-ui-init';

/** Where the documentation is served, under APP_ROOT. */
export function docsPaths(config: ApiConfig) {
  return {
    json: `${config.appRoot}/openapi.json`,
    /** The original's path of the document. */
    legacyJson: `${config.appRoot}/openapi`,
    ui: `${config.appRoot}/api-docs`,
  };
}

/**
 * Serves the OpenAPI document (`openapi.json` and the original's `openapi`) and Swagger UI (`api-docs`) under
 * APP_ROOT, public, when SWAGGER_ENABLED. They are plain Express routes beside Nest's router (so no auth
 * guard, rate limit or metrics apply). Call before `app.init()`/`listen()`: routes added after Nest's
 * not-found handler would never be reached.
 */
export function setupDocs(app: INestApplication, config: ApiConfig): void {
  if (!config.swaggerEnabled) return;
  const document = buildOpenApiDocument(config);
  const paths = docsPaths(config);
  const http = app.getHttpAdapter();

  const body = JSON.stringify(document);
  const sendDocument = (_request: Request, response: Response) => {
    response.type('application/json').setHeader('Cache-Control', 'no-cache');
    response.send(body);
  };
  http.get(paths.json, sendDocument);
  http.get(paths.legacyJson, sendDocument);

  // Ours before @nestjs/swagger's (the first route registered answers): see swagger-ui-init.ts.
  const settings = swaggerUiSettings(config);
  const initScript = swaggerUiInitScript(document, settings);
  const sendInit = (_request: Request, response: Response) => {
    response.type('application/javascript').setHeader('Cache-Control', 'no-cache');
    response.send(initScript);
  };
  http.get(`${paths.ui}/swagger-ui-init.js`, sendInit);
  http.get(`${paths.ui}/api-docs/swagger-ui-init.js`, sendInit);

  SwaggerModule.setup(paths.ui, app, document, {
    raw: false,
    customSiteTitle: 'ZMP Manual API',
    swaggerOptions: { ...settings, oauth2RedirectUrl: `${paths.ui}/oauth2-redirect.html` },
  });
}
