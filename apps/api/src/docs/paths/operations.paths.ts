import type { ApiConfig } from '../../api.tokens';
import { error, json, operation } from '../openapi.operation';
import { ref } from '../openapi.schemas';
import type { Paths } from '../openapi.types';

const html = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });

/**
 * Health, metrics, this document, Swagger UI and the queue dashboard. `/health`, `/health/live`,
 * `/health/ready` and `/metrics` also answer at the server root (outside APP_ROOT) for probes and Prometheus.
 */
export function operationsPaths(config: ApiConfig): Paths {
  const admin = config.auth.adminRole;
  return {
    '/health': {
      get: operation({
        operationId: 'health',
        tag: 'operations',
        summary: "Health in the original's shape (also at `/health`)",
        access: 'public',
        unlimited: true,
        responses: { '200': json('Healthy.', ref('Health')) },
      }),
    },
    '/health/live': {
      get: operation({
        operationId: 'liveness',
        tag: 'operations',
        summary: 'Liveness probe (also at `/health/live`)',
        access: 'public',
        unlimited: true,
        responses: { '200': json('The process answers.', ref('Liveness')) },
      }),
    },
    '/health/ready': {
      get: operation({
        operationId: 'readiness',
        tag: 'operations',
        summary: 'Readiness probe: Redis answers (also at `/health/ready`)',
        access: 'public',
        unlimited: true,
        responses: { '200': json('Ready.', ref('Readiness')), '503': json('Not ready, with the reason.', ref('Readiness')) },
      }),
    },
    '/metrics': {
      get: {
        ...operation({
          operationId: 'metrics',
          tag: 'operations',
          summary: 'Prometheus metrics (also at `/metrics`)',
          description: `Public unless METRICS_PUBLIC=false, then an admin's Bearer token (${admin}). HTTP requests by route pattern, queue depths, open SSE clients, finished jobs and their durations, process metrics; all named \`zmp_api_*\`.`,
          access: 'public',
          unlimited: true,
          responses: {
            '200': { description: 'The Prometheus text format.', content: { 'text/plain': { schema: { type: 'string' } } } },
            '401': error('METRICS_PUBLIC=false and no valid token.'),
            '403': error('METRICS_PUBLIC=false and not an admin.'),
          },
        }),
        security: config.metricsPublic ? [] : [{ bearer: [] }],
      },
    },
    '/openapi.json': {
      get: operation({
        operationId: 'openApiDocument',
        tag: 'operations',
        summary: 'This OpenAPI document',
        access: 'public',
        unlimited: true,
        responses: { '200': json('OpenAPI 3.0.3.', { type: 'object' }) },
      }),
    },
    '/openapi': {
      get: operation({
        operationId: 'openApiDocumentLegacy',
        tag: 'operations',
        summary: "This OpenAPI document at the original's path",
        access: 'public',
        unlimited: true,
        responses: { '200': json('OpenAPI 3.0.3.', { type: 'object' }) },
      }),
    },
    '/api-docs': {
      get: operation({
        operationId: 'swaggerUi',
        tag: 'operations',
        summary: 'Swagger UI, with Keycloak login (authorization code + PKCE)',
        access: 'public',
        unlimited: true,
        responses: { '200': html('The page.') },
      }),
    },
    '/admin/queues': {
      get: operation({
        operationId: 'queueDashboard',
        tag: 'operations',
        summary: 'The Bull queue dashboard (bull-board), for admins',
        description: `Needs the ${admin} role, by \`Authorization: Bearer\` or \`?ticket=\` (then redirected without it); a one-hour HttpOnly cookie scoped to the dashboard carries the session for its own requests.`,
        access: 'ticket',
        unlimited: true,
        responses: {
          '200': html('The dashboard.'),
          '303': { description: 'The ticket was accepted: the same page without `?ticket=`, with the session cookie set.' },
          '403': error('Not an admin.', `The queue dashboard needs the ${admin} role`),
        },
      }),
    },
  };
}
