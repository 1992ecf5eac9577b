import { getQueueToken } from '@nestjs/bull';
import { Global, Module } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PUBLISH_QUEUE } from '@zmp-manual/queue-contract';
import type { Queue } from 'bull';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { REQUEST_AUTHENTICATOR } from '../api.tokens';
import type { ApiConfig } from '../api.tokens';
import type { AuthUser } from '../auth/auth-user';
import { loadApiConfig } from '../config/load-api-config';
import { CoreModule } from '../core/core.module';
import { FakeAuthenticator, fakeUser } from '../testing/fake-authenticator';
import { deleteKeysAt } from '../testing/redis-keys';
import { DASHBOARD_COOKIE } from './dashboard-auth.middleware';
import { DashboardSession } from './dashboard-session';
import { mountDashboard } from './mount-dashboard';

const authenticator = new FakeAuthenticator();
const user = fakeUser;
const ticketFor = (who: AuthUser) => authenticator.ticketFor(who);

@Global()
@Module({ providers: [{ provide: REQUEST_AUTHENTICATOR, useValue: authenticator }], exports: [REQUEST_AUTHENTICATOR] })
class FakeAuthModule {}

let app: INestApplication;
let config: ApiConfig;
let server: string;
const board = '/api/manual/v1/admin/queues';

beforeAll(async () => {
  config = loadApiConfig({
    SOLUTIONS: 'zcp',
    ZCP_ROOT_PAGE_ID: '19ab7135-d33b-803b-8ea7-ff3e366f707d',
    AUTH_MODE: 'dev',
    AUTH_DEV_SECRET: 'test-secret-of-at-least-32-characters!!',
    DOWNLOAD_SIGNING_SECRET: 'download-secret-of-at-least-32-characters',
    REDIS_KEY_PREFIX: `test:api-dashboard:${randomUUID()}:`,
  });

  @Module({ imports: [CoreModule.forRoot(config), FakeAuthModule] })
  class TestRootModule {}

  app = await NestFactory.create<NestExpressApplication>(TestRootModule, { logger: ['error'] });
  (app as NestExpressApplication).set('trust proxy', 'loopback');
  app.setGlobalPrefix(config.appRoot);
  mountDashboard(app, config);
  await app.listen(0, '127.0.0.1');
  server = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app.close();
  await deleteKeysAt(config.redisUrl, config.keyPrefix);
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(server + path, { headers, redirect: 'manual' });
/** The `name=value` part of the dashboard cookie a response set. */
const sessionCookie = (response: Response) => response.headers.getSetCookie().find((c) => c.startsWith(`${DASHBOARD_COOKIE}=`));

describe('the queue dashboard', () => {
  it('refuses nobody with 401', async () => {
    const response = await get(board);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toEqual({ detail: 'Not authenticated', error_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect((await get(`${board}/api/queues`)).status).toBe(401);
  });

  it('refuses a user who is not an admin with 403, by token or ticket', async () => {
    for (const response of [await get(board, { authorization: 'Bearer ann' }), await get(`${board}?ticket=${ticketFor(user('ann', false))}`)]) {
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ detail: 'The queue dashboard needs the manual-admin role', error_id: expect.any(String) });
      expect(sessionCookie(response)).toBeUndefined();
    }
    expect((await get(`${board}?ticket=unknown`)).status).toBe(401);
  });

  it('serves an admin with a Bearer token and starts a session cookie scoped to the dashboard', async () => {
    const response = await get(board, { authorization: 'Bearer admin' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain(`<base href="${board}/"`);
    const cookie = sessionCookie(response) ?? '';
    expect(cookie).toMatch(/; Max-Age=3600;/);
    expect(cookie).toContain(`; Path=${board};`);
    expect(cookie).toContain('; HttpOnly');
    expect(cookie).toContain('; SameSite=Strict');
    expect(cookie).not.toContain('Secure');
    // Behind a TLS-terminating proxy (trust proxy), the cookie is Secure.
    const https = await get(board, { authorization: 'Bearer admin', 'x-forwarded-proto': 'https' });
    expect(sessionCookie(https)).toContain('; Secure');
  });

  it('takes a ticket once, redirects to the page without it, and the cookie then carries the UI requests', async () => {
    const opened = await get(`${board}/queue/publish?ticket=${ticketFor(user('admin', true))}&tab=waiting`);
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe(`${board}/queue/publish?tab=waiting`);
    const cookie = (sessionCookie(opened) ?? '').split(';')[0] as string;
    expect(cookie).toMatch(new RegExp(`^${DASHBOARD_COOKIE}=[\\w-]+\\.[\\w-]+$`));

    const page = await get(`${board}/queue/publish?tab=waiting`, { cookie });
    expect(page.status).toBe(200);
    const asset = /src="(static\/js\/main\.[^"]+\.js)"/.exec(await page.text())?.[1];
    expect(asset).toBeDefined();
    const script = await get(`${board}/${asset}`, { cookie });
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);

    const queues = await get(`${board}/api/queues`, { cookie });
    expect(queues.status).toBe(200);
    const body = (await queues.json()) as { queues: Array<{ name: string }> };
    expect(body.queues.map((q) => q.name).sort()).toEqual(['maintenance', 'publish']);
  });

  it("lets an admin's session use bull-board's actions", async () => {
    const cookie = (sessionCookie(await get(board, { authorization: 'Bearer admin' })) ?? '').split(';')[0] as string;
    const publish = app.get<Queue>(getQueueToken(PUBLISH_QUEUE));
    const paused = await fetch(`${server}${board}/api/queues/publish/pause`, { method: 'PUT', headers: { cookie } });
    expect(paused.status).toBe(200);
    expect(await publish.isPaused()).toBe(true);
    await publish.resume();
    expect((await fetch(`${server}${board}/api/queues/publish/pause`, { method: 'PUT' })).status).toBe(401);
    expect(await publish.isPaused()).toBe(false);
  });

  it('refuses a tampered or expired cookie and clears it', async () => {
    const cookie = (sessionCookie(await get(board, { authorization: 'Bearer admin' })) ?? '').split(';')[0] as string;
    const [name, value] = cookie.split('=') as [string, string];
    const [payload, signature] = value.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ u: 'mallory', e: Math.floor(Date.now() / 1000) + 3600 })).toString('base64url');
    for (const bad of [`${name}=${forged}.${signature}`, `${name}=${payload}.${signature.slice(0, -2)}AA`, `${name}=garbage`]) {
      const response = await get(`${board}/api/queues`, { cookie: bad });
      expect(response.status).toBe(401);
      expect(sessionCookie(response)).toMatch(/Expires=Thu, 01 Jan 1970/);
    }
    const expired = new DashboardSession(config.downloads.secret, () => Date.now() - 2 * 3_600_000).issue('admin');
    expect((await get(`${board}/api/queues`, { cookie: `${DASHBOARD_COOKIE}=${expired}` })).status).toBe(401);
    // A session made with another secret (another environment) is refused too.
    const foreign = new DashboardSession('another-secret-of-at-least-32-characters').issue('admin');
    expect((await get(`${board}/api/queues`, { cookie: `${DASHBOARD_COOKIE}=${foreign}` })).status).toBe(401);
  });
});
