import { ConfigError } from '@zmp-manual/app-config';
import { apiSecrets, loadApiConfig } from './load-api-config';

const ROOT = '19ab7135-d33b-803b-8ea7-ff3e366f707d';
const base = { SOLUTIONS: 'zcp,apim', ZCP_ROOT_PAGE_ID: ROOT, AUTH_MODE: 'dev', AUTH_DEV_SECRET: 'd'.repeat(40) };

function problem(env: Record<string, string>): ConfigError {
  try {
    loadApiConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadApiConfig', () => {
  it('gives the documented defaults', () => {
    const config = loadApiConfig(base);
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 8000,
      appRoot: '/api/manual/v1',
      redisUrl: 'redis://127.0.0.1:6379',
      keyPrefix: 'zmp:',
      cors: { origins: '*' },
      bodyLimitBytes: 262_144,
      rateLimit: { perMinute: 600, publishPerMinute: 30 },
      sse: { heartbeatMs: 15_000, pingEventMs: 10_000, closeDelayMs: 15_000, maxConnections: 10_000, maxPerUser: 20 },
      downloads: { secretFromEnv: false, ttlSeconds: 300 },
      webhooks: { secrets: { zcp: null }, maxAgeSeconds: 3_600, dedupeTtlSeconds: 86_400, debounceMs: 60_000 },
      callbacks: { enabled: false, allowPrivate: false },
      metricsPublic: true,
      swaggerEnabled: true,
      supportedLanguages: ['ko', 'ja', 'zh'],
    });
    expect(config.pipeline.solutions.map((s) => s.id)).toEqual(['zcp']);
    expect(config.pipeline.notion).toBeNull();
    // A random signing key per process when none is configured.
    expect(config.downloads.secret.length).toBeGreaterThanOrEqual(32);
    expect(loadApiConfig(base).downloads.secret).not.toBe(config.downloads.secret);
  });

  it('derives the Keycloak issuer, JWKS URL and audience', () => {
    const config = loadApiConfig({ ...base, AUTH_MODE: 'keycloak', AUTH_DEV_SECRET: '', KEYCLOAK_SERVER_URL: 'https://sso.example.com/auth/', KEYCLOAK_REALM: 'ags', KEYCLOAK_CLIENT_ID: 'zmp-client' });
    expect(config.auth).toMatchObject({
      mode: 'keycloak',
      issuer: 'https://sso.example.com/auth/realms/ags',
      jwksUrl: 'https://sso.example.com/auth/realms/ags/protocol/openid-connect/certs',
      audiences: ['zmp-client'],
      rolesClient: 'zmp-client',
      devSecret: null,
    });
  });

  it('reads the webhook secret of each configured solution, a CORS list and supported languages', () => {
    const config = loadApiConfig({ ...base, NOTION_WEBHOOK_ZCP_SECRET: 'secret_abc', ALLOWED_ORIGINS: 'https://a.example, https://b.example', SUPPORTED_LANGUAGES: 'ko, JA, zh-hant' });
    expect(config.webhooks.secrets).toEqual({ zcp: 'secret_abc' });
    expect(config.cors).toEqual({ origins: ['https://a.example', 'https://b.example'] });
    expect(config.supportedLanguages).toEqual(['ko', 'ja', 'zh-Hant']);
    expect(apiSecrets(config)).toEqual(expect.arrayContaining(['secret_abc', 'd'.repeat(40)]));
  });

  it('names every bad variable at once, never its value', () => {
    const error = problem({ ...base, PORT: 'eighty', AUTH_DEV_SECRET: 'short-secret-value', APP_ROOT: 'api/' });
    expect(error.variable.split(', ').sort()).toEqual(['APP_ROOT', 'PORT']);
    expect(error.message).not.toContain('eighty');
    expect(problem({ ...base, AUTH_DEV_SECRET: 'short-secret-value' }).variable).toBe('AUTH_DEV_SECRET');
    expect(problem({ ...base, AUTH_DEV_SECRET: 'short-secret-value' }).message).not.toContain('short-secret-value');
  });

  it('asks for Keycloak or the dev mode when neither is configured', () => {
    const error = problem({ SOLUTIONS: 'zcp', ZCP_ROOT_PAGE_ID: ROOT });
    expect(error.variable).toBe('KEYCLOAK_SERVER_URL');
    expect(error.message).toContain('AUTH_MODE=dev');
  });

  it('reports a bad pipeline setting and a bad language tag by name', () => {
    expect(problem({ ...base, TARGET_LANGUAGES: 'ko,??' }).variable).toBe('TARGET_LANGUAGES');
    expect(problem({ ...base, SUPPORTED_LANGUAGES: 'ko,not a tag' }).variable).toBe('SUPPORTED_LANGUAGES');
  });
});
