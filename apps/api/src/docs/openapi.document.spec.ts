import { toPublishStatus } from '@zmp-manual/job-events';
import type { JobRecord, ManualsCacheItem, Notification } from '@zmp-manual/job-events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadApiConfig } from '../config/load-api-config';
import { tokenDataOf } from '../auth/token-data';
import { jobListItem, jobView } from '../jobs/job-view';
import { buildOpenApiDocument } from './openapi.document';
import type { Operation, Schema } from './openapi.types';

const baseEnv = {
  SOLUTIONS: 'zcp,apim',
  ZCP_ROOT_PAGE_ID: '19ab7135-d33b-803b-8ea7-ff3e366f707d',
  APIM_ROOT_PAGE_ID: '29ab7135-d33b-803b-8ea7-ff3e366f707d',
  TARGET_LANGUAGES: 'ko,ja',
};
const keycloakConfig = loadApiConfig({ ...baseEnv, KEYCLOAK_SERVER_URL: 'https://sso.example.com/auth', KEYCLOAK_REALM: 'ags', KEYCLOAK_CLIENT_ID: 'zmp-client' });
const devConfig = loadApiConfig({ ...baseEnv, AUTH_MODE: 'dev', AUTH_DEV_SECRET: 'test-secret-of-at-least-32-characters!!', APP_ROOT: '/docs-api/v2' });

const doc = buildOpenApiDocument(keycloakConfig);
const schemas = doc.components?.schemas as Record<string, Schema>;
const keysOf = (name: string) => Object.keys(schemas[name]?.properties ?? {});
const operations = (document = doc): Array<[string, string, Operation]> =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    (['get', 'post', 'put', 'patch', 'delete'] as const).flatMap((method) => (item[method] ? [[path, method, item[method]] as [string, string, Operation]] : [])),
  );

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.0.3 with the base path as its server and the six tags', () => {
    expect(doc.openapi).toBe('3.0.3');
    expect(doc.servers).toEqual([{ url: '/api/manual/v1' }]);
    expect(doc.tags?.map((tag) => tag.name)).toEqual(['manuals', 'jobs', 'notifications', 'authentication', 'webhooks', 'operations']);
    expect(buildOpenApiDocument(devConfig).servers).toEqual([{ url: '/docs-api/v2' }]);
  });

  it("carries the API's version from its package.json, as GET /health does", () => {
    expect(doc.info.version).toBe((JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version);
  });

  it('lists every route of the API', () => {
    const routes = operations().map(([path, method]) => `${method.toUpperCase()} ${path}`);
    expect(routes.sort()).toEqual(
      [
        'GET /sidebar',
        'GET /manuals',
        'POST /manuals/refresh',
        'POST /publish',
        'GET /jobs',
        'GET /jobs/{job_id}',
        'POST /jobs/{job_id}/cancel',
        'GET /jobs/{job_id}/artifact',
        'GET /downloads/{token}',
        'GET /watch/{job_id}',
        'GET /notifications',
        'GET /notifications/latest',
        'GET /notifications/stream',
        'POST /notifications/{notification_id}/read',
        'POST /notifications/clear',
        'GET /auth/me',
        'POST /auth/sse-ticket',
        'GET /auth/docs/oauth2-redirect',
        'POST /webhook/notion/{solution}',
        'GET /webhook/notion/{solution}/verification',
        'GET /health',
        'GET /health/live',
        'GET /health/ready',
        'GET /metrics',
        'GET /openapi.json',
        'GET /openapi',
        'GET /api-docs',
        'GET /admin/queues',
      ].sort(),
    );
    const ids = operations().map(([, , op]) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('resolves every $ref and declares every path parameter', () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(50);
    for (const found of refs) {
      const [, , section, name] = found.slice(8, -1).split('/');
      const components = doc.components as Record<string, Record<string, unknown>>;
      expect(components[section as string]?.[name as string]).toBeDefined();
    }
    for (const [path, , op] of operations()) {
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      const declared = (op.parameters ?? []).filter((p) => 'in' in p && p.in === 'path').map((p) => ('name' in p ? p.name : ''));
      expect(declared.sort()).toEqual(inPath.sort());
    }
  });

  it("keeps the original's shapes: PublishStatus (14 keys in order), Notification, manuals items, errors", () => {
    const at = '2025-05-20T10:11:12.123Z';
    const record: JobRecord = {
      job_id: 'j1', status: 'completed', message: null, total_progress: 100, failure_reason: null, export_progress: 100, translation_progress: 100,
      export_files: 1, notion_page_id: null, solution: 'zcp', initiated_by: 'ann', title: null, is_directory: false, parent_id: null,
      created_at: at, started_at: at, finished_at: at, updated_at: at, worker: 'w1', attempt: 1,
      counters: { pages: 1, assets: 0, segments: 0, tokens: 0, cache_hits: 0 }, commits: {}, artifact: { location: 'redis:artifacts/j1', size_bytes: 1, sha256: null },
      log: [], failure: null, target_languages: ['ko'], cancel_requested_at: null, callbacks: [],
    };
    expect(keysOf('PublishStatus')).toEqual(Object.keys(toPublishStatus(record)));
    expect(keysOf('PublishStatus')).toHaveLength(14);
    expect(keysOf('JobDetail')).toEqual(Object.keys(jobView(record)));
    expect(keysOf('JobSummary')).toEqual(Object.keys(jobListItem(record)));
    expect(keysOf('JobPage')).toEqual(['items', 'total', 'page', 'size']);
    // The original's 12 keys in its order (the type makes sure none is missing or extra).
    const notification: Record<keyof Notification, true> = {
      id: true, status: true, title: true, message: true, solution: true, user_id: true, job_id: true,
      created_at: true, is_read: true, document_title: true, notification_type: true, node: true,
    };
    expect(keysOf('Notification')).toEqual(Object.keys(notification));
    const item: Record<keyof ManualsCacheItem, true> = {
      object_id: true, title: true, is_directory: true, parent_id: true, notion_url: true, index: true, last_edited_time: true, last_edited_by: true, last_editor_avatar_url: true,
    };
    expect(keysOf('ManualsItem')).toEqual(Object.keys(item));
    expect(keysOf('TokenData')).toEqual(Object.keys(tokenDataOf({ username: 'ann', subject: 'ann', email: null, roles: [], isAdmin: false, isPublisher: false })));
    expect(keysOf('SidebarSolution')).toEqual(['name', 'solution_type', 'root_page_id']);
    expect(keysOf('Error')).toEqual(['detail', 'error_id']);
    expect(keysOf('ValidationError')).toEqual(['detail', 'error_id']);
    expect(keysOf('ValidationIssue')).toEqual(['loc', 'msg', 'type']);
    expect(schemas['PublishRequest']?.required).toEqual(['notion_page_id', 'selected_solution']);
    expect(keysOf('PublishRequest')).toEqual(['notion_page_id', 'selected_solution', 'target_languages', 'title', 'is_directory', 'parent_id', 'callback_url']);
  });

  it('takes the solutions and languages from the configuration', () => {
    const request = schemas['PublishRequest']?.properties as Record<string, Schema>;
    expect(request['selected_solution']?.enum).toEqual(['zcp', 'apim']);
    expect((request['target_languages']?.items as Schema).enum).toEqual(['ko', 'ja']);
    const manuals = doc.paths['/manuals']?.get?.parameters?.find((p) => 'name' in p && p.name === 'selected_solution');
    expect(manuals).toMatchObject({ in: 'query', schema: { enum: ['zcp', 'apim'], default: 'zcp' } });
  });

  it('serves the SSE routes as text/event-stream and the download as a zip', () => {
    for (const path of ['/watch/{job_id}', '/notifications/stream']) {
      const ok = doc.paths[path]?.get?.responses['200'] as { content: Record<string, unknown> };
      expect(Object.keys(ok.content)).toEqual(['text/event-stream']);
      expect(doc.paths[path]?.get?.parameters?.some((p) => 'name' in p && p.name === 'ticket')).toBe(true);
    }
    const zip = doc.paths['/downloads/{token}']?.get?.responses['200'] as { content: Record<string, unknown> };
    expect(Object.keys(zip.content)).toEqual(['application/zip']);
  });

  it('declares the Bearer and Keycloak schemes, with the token endpoint as refresh URL', () => {
    expect(doc.components?.securitySchemes).toEqual({
      bearer: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
      keycloak: expect.objectContaining({
        type: 'oauth2',
        flows: {
          authorizationCode: {
            authorizationUrl: 'https://sso.example.com/auth/realms/ags/protocol/openid-connect/auth',
            tokenUrl: 'https://sso.example.com/auth/realms/ags/protocol/openid-connect/token',
            refreshUrl: 'https://sso.example.com/auth/realms/ags/protocol/openid-connect/token',
            scopes: { openid: expect.any(String) },
          },
        },
      }),
    });
  });

  it('marks the public routes public and every other route authenticated', () => {
    const publicRoutes = operations()
      .filter(([, , op]) => op.security?.length === 0)
      .map(([path, method]) => `${method.toUpperCase()} ${path}`);
    expect(publicRoutes.sort()).toEqual(
      [
        'GET /downloads/{token}',
        'GET /auth/docs/oauth2-redirect',
        'POST /webhook/notion/{solution}',
        'GET /health',
        'GET /health/live',
        'GET /health/ready',
        'GET /metrics',
        'GET /openapi.json',
        'GET /openapi',
        'GET /api-docs',
      ].sort(),
    );
    for (const [, , op] of operations().filter(([, , o]) => o.security?.length !== 0)) {
      expect(op.security).toEqual(expect.arrayContaining([{ bearer: [] }]));
      expect(op.responses['401']).toBeDefined();
    }
    expect(doc.paths['/publish']?.post?.responses['403']).toBeDefined();
    expect(doc.paths['/publish']?.post?.responses['422']).toBeDefined();
  });

  it('offers no Keycloak login when Keycloak is not configured (dev mode)', () => {
    const dev = buildOpenApiDocument(devConfig);
    expect(Object.keys(dev.components?.securitySchemes ?? {})).toEqual(['bearer']);
    expect(JSON.stringify(dev.paths)).not.toContain('keycloak');
    expect(dev.paths['/jobs']?.get?.security).toEqual([{ bearer: [] }]);
  });

  it('documents /metrics as needing a token when METRICS_PUBLIC is false', () => {
    const privateMetrics = buildOpenApiDocument({ ...keycloakConfig, metricsPublic: false });
    expect(privateMetrics.paths['/metrics']?.get?.security).toEqual([{ bearer: [] }]);
  });
});
