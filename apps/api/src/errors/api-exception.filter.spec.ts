import { BadRequestException, Controller, ForbiddenException, Get, MethodNotAllowedException, Param, Res } from '@nestjs/common';
import { EventBusError, JobPayloadError, JobStoreError, LockError, ManualsCacheError, NotificationStoreError, RedisCommandError } from '@zmp-manual/job-events';
import type { Response } from 'express';
import { Redis } from 'ioredis';
import { MaxRetriesPerRequestError } from 'ioredis/built/errors';
import { request as httpRequest } from 'node:http';
import { z } from 'zod';
import { SecurityModule } from '../security/security.module';
import { startPlatformApp } from '../security/testing/platform-test-app';
import { TEST_AUTH_SECRET, UUID, testConfig } from '../testing/api-test-app';
import { deleteKeys } from '../testing/redis-keys';
import type { PlatformTestApp } from '../security/testing/platform-test-app';
import { ApiError, ValidationError } from './api-error';
import { ERROR_STATUS_TABLE } from './error-status.table';
import { parseInput } from './zod-input';


interface Case {
  /** The library code it covers, if any (each row of the table must be covered). */
  code?: string;
  error: () => unknown;
  status: number;
  detail: unknown;
  headers?: Record<string, string>;
}

const CASES: Record<string, Case> = {
  'api-error': { error: () => new ApiError(404, 'Job not found', 'job_not_found', { 'X-Extra': 'yes' }), status: 404, detail: 'Job not found', headers: { 'x-extra': 'yes' } },
  'api-unauthorized': { error: () => ApiError.unauthorized('Expired token'), status: 401, detail: 'Expired token', headers: { 'www-authenticate': 'Bearer' } },
  'api-too-many': { error: () => ApiError.tooMany('Too many open streams', 5), status: 429, detail: 'Too many open streams', headers: { 'retry-after': '5' } },
  validation: {
    error: () => new ValidationError([{ loc: ['body', 'notion_page_id'], msg: 'Field required', type: 'missing' }]),
    status: 422,
    detail: [{ loc: ['body', 'notion_page_id'], msg: 'Field required', type: 'missing' }],
  },
  'zod-input': {
    error: () => parseInput(z.object({ limit: z.number() }), { limit: 'ten' }, 'query'),
    status: 422,
    detail: [{ loc: ['query', 'limit'], msg: expect.any(String), type: 'type_error' }],
  },
  'http-400': { error: () => new BadRequestException('Bad thing'), status: 400, detail: 'Bad thing' },
  'http-403': { error: () => new ForbiddenException(), status: 403, detail: 'Forbidden' },
  'http-405': { error: () => new MethodNotAllowedException(), status: 405, detail: 'Method Not Allowed' },
  job_not_found: { code: 'job_not_found', error: () => new JobStoreError('job_not_found', 'Job j1 does not exist', 'j1'), status: 404, detail: 'Job not found' },
  notification_not_found: {
    code: 'notification_not_found',
    error: () => new NotificationStoreError('notification_not_found', 'Notification n1 does not exist', 'n1'),
    status: 404,
    detail: 'Notification not found',
  },
  job_exists: { code: 'job_exists', error: () => new JobStoreError('job_exists', 'Job j1 exists', 'j1'), status: 409, detail: 'A job with this id exists already' },
  illegal_transition: {
    code: 'illegal_transition',
    error: () => new JobStoreError('illegal_transition', 'Job j1 cannot go from completed to exporting', 'j1', 'completed', 'exporting'),
    status: 409,
    detail: 'Job j1 cannot go from completed to exporting',
  },
  stale_attempt: { code: 'stale_attempt', error: () => new JobStoreError('stale_attempt', 'Job j1 has moved on to attempt 2', 'j1'), status: 409, detail: 'Job j1 has moved on to attempt 2' },
  update_conflict: { code: 'update_conflict', error: () => new JobStoreError('update_conflict', 'Job j1 kept changing', 'j1'), status: 409, detail: 'Job j1 kept changing' },
  invalid_query: {
    code: 'invalid_query',
    error: () => new JobStoreError('invalid_query', 'size must be between 1 and 1000', null),
    status: 422,
    detail: [{ loc: ['query'], msg: 'size must be between 1 and 1000', type: 'value_error' }],
  },
  invalid_payload: {
    code: 'invalid_payload',
    error: () => new JobPayloadError('target_languages.1: not a language tag', 'target_languages.1', []),
    status: 422,
    detail: [{ loc: ['body'], msg: 'target_languages.1: not a language tag', type: 'value_error' }],
  },
  invalid_notification: {
    code: 'invalid_notification',
    error: () => new NotificationStoreError('invalid_notification', 'Unknown status: odd', null),
    status: 422,
    detail: [{ loc: ['body'], msg: 'Unknown status: odd', type: 'value_error' }],
  },
  invalid_solution: {
    code: 'invalid_solution',
    error: () => new ManualsCacheError('Solution "a b" cannot be a cache key', 'a b'),
    status: 422,
    detail: [{ loc: ['query', 'selected_solution'], msg: 'Solution "a b" cannot be a cache key', type: 'value_error' }],
  },
  invalid_event_id: {
    code: 'invalid_event_id',
    error: () => new EventBusError('invalid_event_id', 'Not a stream id: nope', 'job:j1'),
    status: 422,
    detail: [{ loc: ['header', 'Last-Event-ID'], msg: 'Not a stream id: nope', type: 'value_error' }],
  },
  redis_error: {
    code: 'redis_error',
    error: () => new RedisCommandError('JobStore.get', new Error('connect ECONNREFUSED 127.0.0.1:6379')),
    status: 503,
    detail: 'Redis is unavailable; retry later',
    headers: { 'retry-after': '5' },
  },
  'ioredis-gave-up': { error: () => new MaxRetriesPerRequestError(20), status: 503, detail: 'Redis is unavailable; retry later', headers: { 'retry-after': '5' } },
  lock_timeout: {
    code: 'lock_timeout',
    error: () => new LockError('lock_timeout', 'Lock repo not acquired within 60000 ms', 'repo'),
    status: 503,
    detail: 'A lock could not be acquired in time; retry later',
    headers: { 'retry-after': '5' },
  },
  bus_closed: { code: 'bus_closed', error: () => new EventBusError('bus_closed', 'The bus was closed', 'job:j1'), status: 503, detail: 'The server is shutting down; retry later', headers: { 'retry-after': '1' } },
  slow_consumer: { code: 'slow_consumer', error: () => new EventBusError('slow_consumer', 'Dropped', 'job:j1'), status: 503, detail: 'The event stream fell behind; reconnect', headers: { 'retry-after': '1' } },
  'unknown-code': { error: () => Object.assign(new Error('odd'), { code: 'ENOTHING' }), status: 500, detail: 'Internal server error' },
};

@Controller('boom')
class BoomController {
  @Get(':kind')
  boom(@Param('kind') kind: string): never {
    throw CASES[kind].error();
  }

  /** An unexpected error whose message and stack carry a configured secret. */
  @Get('internal/secret')
  secret(): never {
    throw new TypeError(`cannot read the token ${TEST_AUTH_SECRET}`);
  }

  /** A 4xx whose detail carries what the caller typed, line breaks included. */
  @Get('typed/:text')
  typed(@Param('text') text: string): never {
    throw ApiError.notFound(`No such thing: ${text}`);
  }

  /** An SSE-like response that fails after its headers went out. */
  @Get('stream/late')
  late(@Res() response: Response): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream' });
    response.write('data: first\n\n');
    throw new Error('the stream broke');
  }
}

describe('ApiExceptionFilter (over HTTP, through the security module)', () => {
  const config = testConfig('api-errors', { RATE_LIMIT_PER_MINUTE: '0' });
  let test: PlatformTestApp;

  beforeAll(async () => {
    test = await startPlatformApp(config, { imports: [SecurityModule], controllers: [BoomController] });
  });

  afterAll(async () => {
    await test.close();
    const redis = new Redis(config.redisUrl);
    await deleteKeys(redis, config.keyPrefix);
    await redis.quit();
  });

  const get = async (path: string) => {
    const response = await fetch(`${test.url}${config.appRoot}${path}`);
    return { response, body: (await response.json()) as { detail: unknown; error_id: string } };
  };

  it('covers every row of the error-status table', () => {
    const covered = Object.values(CASES).map((c) => c.code);
    expect(Object.keys(ERROR_STATUS_TABLE).filter((code) => !covered.includes(code))).toEqual([]);
  });

  it.each(Object.keys(CASES))('answers %s with its status, detail, headers and an error id', async (kind) => {
    const expected = CASES[kind];
    const { response, body } = await get(`/boom/${kind}`);
    expect(response.status).toBe(expected.status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(body).toEqual({ detail: expected.detail, error_id: expect.stringMatching(UUID) });
    for (const [name, value] of Object.entries(expected.headers ?? {})) expect(response.headers.get(name)).toBe(value);
    // The same id is in the server's log line.
    expect(test.logs.find(body.error_id)).toHaveLength(1);
  });

  it('answers an unknown route 404 {"detail":"Not Found"} like FastAPI, under the prefix and at the root', async () => {
    for (const path of [`${config.appRoot}/nope`, '/nope', `${config.appRoot}/boom`]) {
      const response = await fetch(`${test.url}${path}`, { method: 'POST' });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ detail: 'Not Found', error_id: expect.stringMatching(UUID) });
    }
  });

  it('answers an unexpected error 500 without its message or stack, and logs the stack with secrets masked', async () => {
    const { response, body } = await get('/boom/internal/secret');
    expect(response.status).toBe(500);
    expect(body).toEqual({ detail: 'Internal server error', error_id: expect.stringMatching(UUID) });
    const [line] = test.logs.find(body.error_id);
    expect(line.level).toBe('error');
    expect(line.message).toContain('500 internal_error GET /api/manual/v1/boom/internal/secret');
    expect(line.message).toContain('TypeError: cannot read the token ***');
    expect(line.message).toMatch(/\n\s+at /); // the stack, server-side only
    expect(line.message).not.toContain(TEST_AUTH_SECRET);
  });

  it('logs 4xx as warnings naming the route pattern, never the query', async () => {
    const response = await fetch(`${test.url}${config.appRoot}/boom/job_not_found?ticket=abc123`);
    const body = (await response.json()) as { error_id: string };
    const [line] = test.logs.find(body.error_id);
    expect(line.level).toBe('warn');
    expect(line.message).toBe(`404 job_not_found GET /api/manual/v1/boom/:kind error_id=${body.error_id}: Job not found`);
  });

  it('keeps a log line on one line whatever the caller typed (no forged log lines)', async () => {
    const typed = encodeURIComponent('x\n[Nest] 1 - ERROR forged\r\u0007');
    const response = await fetch(`${test.url}${config.appRoot}/boom/typed/${typed}`);
    const body = (await response.json()) as { error_id: string; detail: string };
    expect(body.detail).toBe('No such thing: x\n[Nest] 1 - ERROR forged\r\u0007');
    const [line] = test.logs.find(body.error_id);
    expect(line.message).toContain('No such thing: x\\n[Nest] 1 - ERROR forged\\r\\x07');
    expect(line.message).not.toMatch(/[\n\r]/);
  });

  it('ends a response whose headers were sent already (an SSE stream) instead of writing an error body', async () => {
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      httpRequest(`${test.url}${config.appRoot}/boom/stream/late`, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        response.on('error', reject);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(200);
    expect(text).toBe('data: first\n\n');
    expect(test.logs.find('the stream broke')).toHaveLength(1);
  });
});
