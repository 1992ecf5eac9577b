import { ref } from './openapi.schemas';
import type { SchemaName } from './openapi.schemas';
import type { Operation, Parameter, Response, ResponseOrRef, SchemaOrRef } from './openapi.types';

export type Tag = 'manuals' | 'jobs' | 'notifications' | 'authentication' | 'webhooks' | 'operations';

/**
 * Who may call: `public` (no credential), `user` (Bearer), `ticket` (Bearer or `?ticket=`), `publisher` /
 * `admin` (Bearer with that role).
 */
export type Access = 'public' | 'user' | 'ticket' | 'publisher' | 'admin';

/** The shared error responses of `components.responses`. */
export type ErrorResponseName = 'Unauthorized' | 'Forbidden' | 'NotFound' | 'ValidationFailed' | 'TooManyRequests' | 'Unavailable' | 'InternalError';

const errorContent = (schema: SchemaName, example?: unknown) => ({ 'application/json': { schema: ref(schema), ...(example === undefined ? {} : { example }) } });

export function errorResponses(config: { adminRole: string; publisherRole: string }): Record<ErrorResponseName, Response> {
  return {
    Unauthorized: {
      description: 'No valid credential: `Not authenticated`, `Invalid token format`, `Expired token`, `Invalid token`, `Invalid or expired ticket`, …',
      headers: { 'WWW-Authenticate': { schema: { type: 'string' }, description: '`Bearer`' } },
      content: errorContent('Error', { detail: 'Not authenticated', error_id: '0b8e5c2a-3f1e-4c55-9a4f-0d7c3c1e9a10' }),
    },
    Forbidden: {
      description: `Authenticated but not allowed: a missing role (\`This needs the ${config.publisherRole} role\`, \`… ${config.adminRole} …\`) or someone else's job.`,
      content: errorContent('Error'),
    },
    NotFound: { description: 'Not found.', content: errorContent('Error') },
    ValidationFailed: { description: 'Input that does not fit: every problem with its place.', content: errorContent('ValidationError') },
    TooManyRequests: {
      description: 'Rate limited (RATE_LIMIT_PER_MINUTE, RATE_LIMIT_PUBLISH_PER_MINUTE) or too many open streams: retry after `Retry-After` seconds.',
      headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds.' } },
      content: errorContent('Error', { detail: 'Too many requests; retry in 12 s', error_id: '0b8e5c2a-3f1e-4c55-9a4f-0d7c3c1e9a10' }),
    },
    Unavailable: {
      description: 'A dependency is down (`Redis is unavailable; retry later`).',
      headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds, when known.' } },
      content: errorContent('Error'),
    },
    InternalError: {
      description: 'Unexpected: `Internal server error` with the id of the log line (no stack trace on the wire).',
      content: errorContent('Error', { detail: 'Internal server error', error_id: '0b8e5c2a-3f1e-4c55-9a4f-0d7c3c1e9a10' }),
    },
  };
}

export const errorRef = (name: ErrorResponseName): ResponseOrRef => ({ $ref: `#/components/responses/${name}` });

/** A JSON response. */
export const json = (description: string, schema: SchemaOrRef, headers?: Response['headers']): Response => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema } },
});

/** An error response with its own words (the schema is `Error`). */
export const error = (description: string, detail?: string): Response => ({
  description,
  content: { 'application/json': { schema: ref('Error'), ...(detail ? { example: { detail, error_id: '0b8e5c2a-3f1e-4c55-9a4f-0d7c3c1e9a10' } } : {}) } },
});

/** An SSE response. */
export const eventStream = (description: string): Response => ({
  description,
  headers: { 'X-Accel-Buffering': { schema: { type: 'string' }, description: '`no`' } },
  content: { 'text/event-stream': { schema: { type: 'string' } } },
});

export const pathParam = (name: string, description: string): Parameter => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });
export const queryParam = (name: string, description: string, schema: Parameter['schema'] = { type: 'string' }): Parameter => ({ name, in: 'query', required: false, description, schema });

/** `?ticket=` on the routes a browser opens without a header. */
export const ticketParam = queryParam('ticket', 'A single-use ticket from `POST /auth/sse-ticket`, instead of `Authorization: Bearer` (the native EventSource cannot send headers).');

export interface OperationSpec {
  operationId: string;
  tag: Tag;
  summary: string;
  description?: string;
  access: Access;
  parameters?: Parameter[];
  requestBody?: Operation['requestBody'];
  /** The route's own responses; the shared ones its access implies (401, 403, 429, 500) are added. */
  responses: Record<string, ResponseOrRef>;
  /** Not counted by the rate limiter (health, metrics, docs). */
  unlimited?: boolean;
}

/** Security requirements: either a Bearer token or the Keycloak login of Swagger UI. */
export const AUTHENTICATED: ReadonlyArray<Record<string, string[]>> = [{ bearer: [] }, { keycloak: ['openid'] }];

/** An operation with its tag, security and the error responses its access implies. */
export function operation(spec: OperationSpec): Operation {
  const responses: Record<string, ResponseOrRef> = { ...spec.responses };
  const add = (status: string, response: ResponseOrRef) => {
    responses[status] ??= response;
  };
  if (spec.access !== 'public') add('401', errorRef('Unauthorized'));
  if (spec.access === 'publisher' || spec.access === 'admin') add('403', errorRef('Forbidden'));
  if (!spec.unlimited) add('429', errorRef('TooManyRequests'));
  add('500', errorRef('InternalError'));
  const parameters = [...(spec.parameters ?? []), ...(spec.access === 'ticket' ? [ticketParam] : [])];
  return {
    operationId: spec.operationId,
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(spec.requestBody ? { requestBody: spec.requestBody } : {}),
    responses,
    security: spec.access === 'public' ? [] : AUTHENTICATED.map((requirement) => ({ ...requirement })),
  };
}
