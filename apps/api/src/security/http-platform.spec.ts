import { Body, Controller, Get, Header, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Redis } from 'ioredis';
import { request as httpRequest } from 'node:http';
import type { ApiConfig } from '../api.tokens';
import { SecurityModule } from './security.module';
import { UUID, testConfig } from '../testing/api-test-app';
import { deleteKeys } from '../testing/redis-keys';
import { startPlatformApp } from './testing/platform-test-app';
import type { PlatformTestApp } from './testing/platform-test-app';


@Controller()
class ProbeController {
  @Post('echo')
  echo(@Body() body: unknown): { received: unknown; type: string } {
    return { received: body ?? null, type: body === undefined ? 'none' : Buffer.isBuffer(body) ? 'buffer' : typeof body };
  }

  /** Stands in for the webhook route: what arrives in `req.body`. */
  @Post('webhook/notion/:solution')
  webhook(@Req() request: Request, @Param('solution') solution: string): { solution: string; buffer: boolean; hex: string } {
    const body = request.body as unknown;
    return { solution, buffer: Buffer.isBuffer(body), hex: Buffer.isBuffer(body) ? body.toString('hex') : '' };
  }

  @Get('jobs')
  @Header('X-Total-Count', '7')
  jobs(): unknown[] {
    return [];
  }

  /** Stand-ins for the health and metrics controllers (declared under the prefix, as the real ones). */
  @Get('health')
  health(): { at: string } {
    return { at: 'health' };
  }
  @Get('health/ready')
  ready(): { at: string } {
    return { at: 'health/ready' };
  }
  @Get('metrics')
  metrics(): { at: string } {
    return { at: 'metrics' };
  }
}

/** A raw POST (fetch cannot send a body larger than it says, nor keep bytes as they are with every type). */
function post(url: string, body: Buffer | string, headers: Record<string, string>): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, json: JSON.parse(text) as Record<string, unknown> }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

async function started(config: ApiConfig): Promise<PlatformTestApp> {
  return startPlatformApp(config, { imports: [SecurityModule], controllers: [ProbeController] });
}

async function cleanup(test: PlatformTestApp, config: ApiConfig): Promise<void> {
  await test.close();
  const redis = new Redis(config.redisUrl);
  await deleteKeys(redis, config.keyPrefix);
  await redis.quit();
}

describe('the HTTP platform: body parsers', () => {
  const config = testConfig('api-platform-body', { BODY_LIMIT_BYTES: '1024', RATE_LIMIT_PER_MINUTE: '0' });
  let test: PlatformTestApp;
  const at = (path: string) => `${test.url}${config.appRoot}${path}`;

  beforeAll(async () => {
    test = await started(config);
  });
  afterAll(() => cleanup(test, config));

  it('parses JSON bodies up to BODY_LIMIT_BYTES', async () => {
    const payload = { text: 'x'.repeat(900) };
    const { status, json } = await post(at('/echo'), JSON.stringify(payload), { 'Content-Type': 'application/json' });
    expect(status).toBe(201);
    expect(json).toEqual({ received: payload, type: 'object' });
  });

  it('answers malformed JSON 400 "Malformed JSON body: <parser message>"', async () => {
    const { status, json } = await post(at('/echo'), '{"notion_page_id": ', { 'Content-Type': 'application/json' });
    expect(status).toBe(400);
    expect(json).toEqual({ detail: expect.stringMatching(/^Malformed JSON body: .*JSON/), error_id: expect.stringMatching(UUID) });
  });

  it('answers a body over the limit 413 "Request body is larger than <N> bytes"', async () => {
    const { status, json } = await post(at('/echo'), JSON.stringify({ text: 'x'.repeat(1100) }), { 'Content-Type': 'application/json' });
    expect(status).toBe(413);
    expect(json).toEqual({ detail: 'Request body is larger than 1024 bytes', error_id: expect.stringMatching(UUID) });
  });

  it('leaves bodies of other types unparsed', async () => {
    const { status, json } = await post(at('/echo'), 'a=1', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(status).toBe(201);
    expect(json).toEqual({ received: null, type: 'none' });
  });

  it('gives the webhook route the exact bytes as a Buffer, whatever the content type', async () => {
    const bytes = Buffer.from('{"id": "e1",  "type":"page.content_updated"}\n', 'utf8');
    for (const type of ['application/json', 'text/plain', 'application/octet-stream']) {
      const { status, json } = await post(at('/webhook/notion/zcp'), bytes, { 'Content-Type': type });
      expect(status).toBe(201);
      expect(json).toEqual({ solution: 'zcp', buffer: true, hex: bytes.toString('hex') });
    }
    // Malformed JSON is the webhook handler's business there, not the parser's.
    const malformed = Buffer.from('{"id": ');
    expect((await post(at('/webhook/notion/zcp'), malformed, { 'Content-Type': 'application/json' })).json).toMatchObject({ buffer: true, hex: malformed.toString('hex') });
  });

  it('limits webhook bodies too', async () => {
    const { status, json } = await post(at('/webhook/notion/zcp'), Buffer.alloc(2000, 0x61), { 'Content-Type': 'application/json' });
    expect(status).toBe(413);
    expect(json).toEqual({ detail: 'Request body is larger than 1024 bytes', error_id: expect.stringMatching(UUID) });
  });
});

describe('the HTTP platform: CORS, helmet, root aliases (ALLOWED_ORIGINS=*)', () => {
  const config = testConfig('api-platform-any', { RATE_LIMIT_PER_MINUTE: '0', KEYCLOAK_SERVER_URL: 'https://sso.example.com/auth' });
  let test: PlatformTestApp;

  beforeAll(async () => {
    test = await started(config);
  });
  afterAll(() => cleanup(test, config));

  it('allows any origin without credentials and exposes X-Total-Count', async () => {
    const response = await fetch(`${test.url}${config.appRoot}/jobs`, { headers: { Origin: 'https://frontend.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('access-control-expose-headers')?.split(',')).toEqual(expect.arrayContaining(['X-Total-Count', 'Retry-After']));
    expect(response.headers.get('x-total-count')).toBe('7');
  });

  it('answers a preflight for Authorization, Content-Type and Last-Event-ID', async () => {
    const response = await fetch(`${test.url}${config.appRoot}/echo`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://frontend.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type,last-event-id' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toBe('Authorization,Content-Type,Last-Event-ID');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,HEAD,POST');
    expect(response.headers.get('access-control-max-age')).toBe('86400');
  });

  it("sends helmet's headers with a CSP that Swagger UI and the dashboard work under", async () => {
    const response = await fetch(`${test.url}${config.appRoot}/jobs`);
    const csp = Object.fromEntries(
      (response.headers.get('content-security-policy') ?? '')
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(expect.arrayContaining(["'self'", "'unsafe-inline'"]));
    expect(csp['img-src']).toEqual(["'self'", 'data:']);
    expect(csp['connect-src']).toEqual(["'self'", 'https://sso.example.com']);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['upgrade-insecure-requests']).toBeUndefined();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin-allow-popups');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('serves /health, /health/ready and /metrics at the root as well as under APP_ROOT', async () => {
    for (const [path, at] of [
      ['/health', 'health'],
      ['/health/', 'health'],
      ['/health/ready?verbose=1', 'health/ready'],
      ['/metrics', 'metrics'],
      [`${config.appRoot}/health`, 'health'],
      [`${config.appRoot}/metrics`, 'metrics'],
    ]) {
      const response = await fetch(test.url + path);
      expect([path, response.status, await response.json()]).toEqual([path, 200, { at }]);
    }
    // Only those: other routes exist under APP_ROOT only.
    expect((await fetch(`${test.url}/jobs`)).status).toBe(404);
  });
});

describe('the HTTP platform: CORS with a list of origins', () => {
  const config = testConfig('api-platform-list', { RATE_LIMIT_PER_MINUTE: '0', ALLOWED_ORIGINS: 'https://a.example,https://b.example' });
  let test: PlatformTestApp;

  beforeAll(async () => {
    test = await started(config);
  });
  afterAll(() => cleanup(test, config));

  it('allows a listed origin with credentials', async () => {
    const response = await fetch(`${test.url}${config.appRoot}/jobs`, { headers: { Origin: 'https://b.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://b.example');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('vary')).toMatch(/Origin/);
  });

  it('does not allow an origin that is not listed', async () => {
    const response = await fetch(`${test.url}${config.appRoot}/jobs`, { headers: { Origin: 'https://evil.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
