import { Module } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { runInNewContext } from 'node:vm';
import type { ApiConfig } from '../api.tokens';
import { loadApiConfig } from '../config/load-api-config';
import { buildOpenApiDocument } from './openapi.document';
import { setupDocs } from './setup-docs';

@Module({})
class EmptyModule {}

const env = {
  SOLUTIONS: 'zcp',
  ZCP_ROOT_PAGE_ID: '19ab7135-d33b-803b-8ea7-ff3e366f707d',
  KEYCLOAK_SERVER_URL: 'https://sso.example.com/auth',
  KEYCLOAK_CLIENT_ID: 'zmp-docs-client',
};

async function start(config: ApiConfig): Promise<{ app: INestApplication; base: string }> {
  const app = await NestFactory.create(EmptyModule, { logger: ['error'] });
  app.setGlobalPrefix(config.appRoot);
  setupDocs(app, config);
  await app.listen(0, '127.0.0.1');
  return { app, base: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}` };
}

describe('setupDocs', () => {
  const config = loadApiConfig(env);
  let app: INestApplication;
  let base: string;

  beforeAll(async () => ({ app, base } = await start(config)));
  afterAll(() => app.close());

  it.each(['/api/manual/v1/openapi.json', '/api/manual/v1/openapi'])('serves the document at %s without authentication', async (path) => {
    const response = await fetch(base + path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument(config))));
  });

  it('serves Swagger UI at api-docs, loading the init script', async () => {
    for (const path of ['/api/manual/v1/api-docs', '/api/manual/v1/api-docs/']) {
      const response = await fetch(base + path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await response.text();
      const init = /<script src="([^"]*swagger-ui-init\.js)">/.exec(html)?.[1];
      expect(init).toBeDefined();
      expect(new URL(init as string, base + path).pathname).toBe('/api/manual/v1/api-docs/swagger-ui-init.js');
      expect(html).toContain('swagger-ui-bundle.js');
    }
    expect((await fetch(`${base}/api/manual/v1/api-docs/swagger-ui-bundle.js`)).status).toBe(200);
    const redirect = await fetch(`${base}/api/manual/v1/api-docs/oauth2-redirect.html`);
    expect(redirect.status).toBe(200);
    expect(await redirect.text()).toContain('oauth2-redirect.js');
  });

  it('starts Swagger UI with the Keycloak login (PKCE) and an absolute redirect URL computed in the browser', async () => {
    const response = await fetch(`${base}/api/manual/v1/api-docs/swagger-ui-init.js`);
    expect(response.headers.get('content-type')).toMatch(/^application\/javascript/);
    const script = await response.text();

    // Run it as a browser would, with Swagger UI's globals stubbed.
    const calls: { options?: Record<string, unknown>; initOAuth?: unknown } = {};
    const SwaggerUIBundle = Object.assign(
      (options: Record<string, unknown>) => {
        calls.options = options;
        return { initOAuth: (settings: unknown) => (calls.initOAuth = settings) };
      },
      { presets: { apis: 'apis' }, plugins: { DownloadUrl: 'download-url' } },
    );
    const window: { location: { origin: string; pathname: string }; onload?: () => void; ui?: unknown } = {
      location: { origin: 'https://docs.example.com', pathname: '/api/manual/v1/api-docs/' },
    };
    runInNewContext(script, { window, SwaggerUIBundle, SwaggerUIStandalonePreset: 'standalone' });
    window.onload?.();

    expect(calls.options).toMatchObject({
      dom_id: '#swagger-ui',
      persistAuthorization: true,
      oauth2RedirectUrl: 'https://docs.example.com/api/manual/v1/api-docs/oauth2-redirect.html',
    });
    expect((calls.options?.['spec'] as { openapi: string }).openapi).toBe('3.0.3');
    expect(calls.initOAuth).toEqual({ clientId: 'zmp-docs-client', usePkceWithAuthorizationCodeGrant: true, scopes: ['openid'] });
    expect(window.ui).toBeDefined();
  });
});

describe('setupDocs with SWAGGER_ENABLED=false', () => {
  it('serves nothing', async () => {
    const { app, base } = await start(loadApiConfig({ ...env, SWAGGER_ENABLED: 'false' }));
    try {
      for (const path of ['/api/manual/v1/openapi.json', '/api/manual/v1/openapi', '/api/manual/v1/api-docs', '/api/manual/v1/api-docs/swagger-ui-init.js']) {
        expect((await fetch(base + path)).status).toBe(404);
      }
    } finally {
      await app.close();
    }
  });
});
