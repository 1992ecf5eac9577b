import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiTestApp, testConfig } from '../testing/api-test-app';
import type { ApiTestApp } from '../testing/api-test-app';
import { CONSOLE_FILES, consoleStaticDir } from './console-assets';
import { consoleConfig } from './console-config';
import { ConsoleModule } from './console.module';

describe('the web console (APP_ROOT/console)', () => {
  let api: ApiTestApp;

  beforeAll(async () => {
    api = await startApiTestApp(testConfig('console', { TARGET_LANGUAGES: 'ko,ja,zh', SUPPORTED_LANGUAGES: 'ko,ja,zh,en' }), { imports: [ConsoleModule] });
  });
  afterAll(() => api.close());

  it('redirects APP_ROOT/console to console/ (relative URLs of the page), keeping the query', async () => {
    const plain = await fetch(`${api.base}/console`, { redirect: 'manual' });
    expect(plain.status).toBe(302);
    expect(plain.headers.get('location')).toBe('console/');
    const back = await fetch(`${api.base}/console?code=abc&state=xyz`, { redirect: 'manual' });
    expect(back.headers.get('location')).toBe('console/?code=abc&state=xyz');
  });

  it('serves the page without a token, under a CSP that forbids inline scripts', async () => {
    const page = await fetch(`${api.base}/console/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<script type="module" src="console.js"></script>');
    // Every script is a file: no inline code, no inline handlers (the CSP would block them).
    expect(html.match(/<script[^>]*>[^<]+<\/script>/g)).toBeNull();
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('serves each file of the console with its type, and nothing else', async () => {
    for (const [name, type] of Object.entries(CONSOLE_FILES)) {
      const response = await fetch(`${api.base}/console/${name}`);
      expect([name, response.status, response.headers.get('content-type')]).toEqual([name, 200, type]);
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
    for (const name of ['console.spec.ts', 'console.module.ts', '..%2Fconsole.module.ts', 'nope.js']) {
      const response = await fetch(`${api.base}/console/${name}`);
      expect([name, response.status]).toEqual([name, 404]);
    }
    const post = await fetch(`${api.base}/console/console.js`, { method: 'POST' });
    expect(post.status).toBe(404);
  });

  it('imports only files it serves (a missing module would break the page)', async () => {
    for (const name of Object.keys(CONSOLE_FILES).filter((file) => file.endsWith('.js'))) {
      const source = await (await fetch(`${api.base}/console/${name}`)).text();
      for (const [, imported] of source.matchAll(/from '\.\/([^']+)'/g)) expect([name, imported in CONSOLE_FILES]).toEqual([name, true]);
    }
  });

  it('answers config.json in dev mode: no Keycloak, the languages to offer', async () => {
    const response = await fetch(`${api.base}/console/config.json`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ appRoot: '/api/manual/v1', keycloak: null, languages: ['ko', 'ja', 'zh', 'en'], defaultLanguages: ['ko', 'ja', 'zh'] });
  });
});

describe('consoleConfig', () => {
  it("gives the issuer's authorization and token endpoints in keycloak mode", () => {
    const config = testConfig('console-config', {
      AUTH_MODE: 'keycloak',
      KEYCLOAK_SERVER_URL: 'https://sso.example.com/auth',
      KEYCLOAK_REALM: 'ags',
      KEYCLOAK_CLIENT_ID: 'zmp-console',
      APP_ROOT: '/manual',
      TARGET_LANGUAGES: 'ko,ja',
    });
    expect(consoleConfig(config)).toEqual({
      appRoot: '/manual',
      keycloak: {
        authorizationUrl: 'https://sso.example.com/auth/realms/ags/protocol/openid-connect/auth',
        tokenUrl: 'https://sso.example.com/auth/realms/ags/protocol/openid-connect/token',
        clientId: 'zmp-console',
      },
      languages: ['ko', 'ja'],
      defaultLanguages: ['ko', 'ja'],
    });
  });
});

describe('consoleStaticDir', () => {
  const root = mkdtempSync(join(tmpdir(), 'zmp-console-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds the files beside the module, else in the sources above dist, else reports none', () => {
    expect(consoleStaticDir(__dirname)).toBe(join(__dirname, 'static'));
    const dist = join(root, 'dist', 'console');
    const sources = join(root, 'src', 'console', 'static');
    mkdirSync(dist, { recursive: true });
    expect(consoleStaticDir(dist)).toBeNull();
    mkdirSync(sources, { recursive: true });
    writeFileSync(join(sources, 'index.html'), '<!doctype html>');
    expect(consoleStaticDir(dist)).toBe(sources);
  });
});
