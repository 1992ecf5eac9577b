import { configErrorOf, envProblems, isProblem, settingsOrProblem } from '@zmp-manual/app-config';
import type { EnvProblem } from '@zmp-manual/app-config';
import { canonicalLanguageTag, loadSettings } from '@zmp-manual/publish-pipeline';
import { randomBytes } from 'node:crypto';
import type { ApiConfig } from '../api.tokens';
import { apiEnvSchema } from './api-config.schema';
import type { ApiEnv } from './api-config.schema';

type Env = Record<string, string | undefined>;

const list = (value: string | null): string[] =>
  (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);

/** The variable-name form of a solution id: `zcp` → `ZCP`, `my-docs` → `MY_DOCS`. */
const envName = (solution: string) => solution.toUpperCase().replace(/-/g, '_');

function languages(value: string | null, fallback: string[], problems: EnvProblem[]): string[] {
  if (value === null) return fallback;
  const tags: string[] = [];
  for (const part of list(value)) {
    try {
      const tag = canonicalLanguageTag(part);
      if (tag === undefined) throw new Error(part);
      tags.push(tag);
    } catch {
      problems.push({ variable: 'SUPPORTED_LANGUAGES', text: `SUPPORTED_LANGUAGES has "${part}", which is not a BCP-47 language tag` });
    }
  }
  return [...new Set(tags)];
}

function authOf(e: ApiEnv, problems: EnvProblem[]): ApiConfig['auth'] {
  const common = {
    clockToleranceSeconds: e.AUTH_CLOCK_TOLERANCE_S,
    publisherRole: e.AUTH_PUBLISHER_ROLE,
    adminRole: e.AUTH_ADMIN_ROLE,
    rolesClient: e.AUTH_ROLES_CLIENT ?? e.KEYCLOAK_CLIENT_ID,
    ticketTtlSeconds: e.SSE_TICKET_TTL_S,
    tlsVerify: e.HTTP_CLIENT_SSL_VERIFY,
  };
  if (e.AUTH_MODE === 'dev') {
    if (e.AUTH_DEV_SECRET === null || e.AUTH_DEV_SECRET.length < 32) {
      problems.push({ variable: 'AUTH_DEV_SECRET', text: 'AUTH_DEV_SECRET must be set to at least 32 characters when AUTH_MODE is dev' });
    }
    return { ...common, mode: 'dev', issuer: e.AUTH_ISSUER ?? 'zmp-manual-dev', audiences: e.AUTH_AUDIENCE ? list(e.AUTH_AUDIENCE) : ['zmp-manual'], jwksUrl: null, devSecret: e.AUTH_DEV_SECRET };
  }
  const realmUrl = e.KEYCLOAK_SERVER_URL ? `${e.KEYCLOAK_SERVER_URL.replace(/\/+$/, '')}/realms/${encodeURIComponent(e.KEYCLOAK_REALM)}` : null;
  const issuer = e.AUTH_ISSUER ?? realmUrl;
  if (issuer === null) {
    problems.push({ variable: 'KEYCLOAK_SERVER_URL', text: 'KEYCLOAK_SERVER_URL (or AUTH_ISSUER) is required when AUTH_MODE is keycloak; for local development set AUTH_MODE=dev and AUTH_DEV_SECRET' });
  }
  const jwksUrl = e.AUTH_JWKS_URL ?? (issuer ? `${issuer.replace(/\/+$/, '')}/protocol/openid-connect/certs` : null);
  return { ...common, mode: 'keycloak', issuer: issuer ?? '', audiences: e.AUTH_AUDIENCE ? list(e.AUTH_AUDIENCE) : [e.KEYCLOAK_CLIENT_ID], jwksUrl, devSecret: null };
}

function corsOf(value: string): ApiConfig['cors'] {
  const origins = list(value);
  return origins.length === 0 || origins.includes('*') ? { origins: '*' } : { origins };
}

/**
 * Reads the API's configuration from `env` once, at start: its own variables and the pipeline's (solutions,
 * languages, Notion). Every problem is reported at once, each naming its variable; values are never repeated.
 */
export function loadApiConfig(env: Env): ApiConfig {
  const parsed = apiEnvSchema.safeParse(env);
  const pipeline = settingsOrProblem(() => loadSettings(env, { require: [] }));
  const problems = parsed.success ? [] : envProblems(parsed.error.issues);
  if (isProblem(pipeline)) problems.push(pipeline);
  if (!parsed.success || isProblem(pipeline)) throw configErrorOf('API', problems);
  const e = parsed.data;
  const auth = authOf(e, problems);
  const supportedLanguages = languages(e.SUPPORTED_LANGUAGES, pipeline.targetLanguages, problems);
  if (problems.length > 0) throw configErrorOf('API', problems);
  const secrets: Record<string, string | null> = {};
  for (const solution of pipeline.solutions) {
    const value = env[`NOTION_WEBHOOK_${envName(solution.id)}_SECRET`];
    secrets[solution.id] = value && value.trim() !== '' ? value : null;
  }
  return {
    host: e.HOST,
    port: e.PORT,
    appRoot: e.APP_ROOT,
    instanceName: e.API_NAME,
    redisUrl: e.REDIS_URL,
    keyPrefix: e.REDIS_KEY_PREFIX,
    cors: corsOf(e.ALLOWED_ORIGINS),
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    trustProxyHops: e.TRUST_PROXY,
    rateLimit: { perMinute: e.RATE_LIMIT_PER_MINUTE, publishPerMinute: e.RATE_LIMIT_PUBLISH_PER_MINUTE },
    auth,
    keycloak: {
      serverUrl: e.KEYCLOAK_SERVER_URL,
      realm: e.KEYCLOAK_REALM,
      clientId: e.KEYCLOAK_CLIENT_ID,
      clientSecret: e.KEYCLOAK_CLIENT_SECRET,
      redirectUri: e.KEYCLOAK_REDIRECT_URI,
    },
    sse: {
      heartbeatMs: e.SSE_HEARTBEAT_MS,
      pingEventMs: e.SSE_PING_EVENT_MS,
      closeDelayMs: e.SSE_CLOSE_DELAY_MS,
      maxConnections: e.SSE_MAX_CONNECTIONS,
      maxPerUser: e.SSE_MAX_PER_USER,
    },
    downloads: {
      secret: e.DOWNLOAD_SIGNING_SECRET ?? randomBytes(32).toString('base64url'),
      secretFromEnv: e.DOWNLOAD_SIGNING_SECRET !== null,
      ttlSeconds: e.DOWNLOAD_LINK_TTL_S,
    },
    webhooks: {
      secrets,
      maxAgeSeconds: e.NOTION_WEBHOOK_MAX_AGE_S,
      dedupeTtlSeconds: e.NOTION_WEBHOOK_DEDUPE_TTL_S,
      debounceMs: e.NOTION_REFRESH_DEBOUNCE_MS,
    },
    callbacks: { enabled: e.CALLBACK_SECRET !== null, allowPrivate: e.CALLBACK_ALLOW_PRIVATE },
    metricsPublic: e.METRICS_PUBLIC,
    swaggerEnabled: e.SWAGGER_ENABLED,
    supportedLanguages,
    pipeline,
  };
}

/** Every secret value in the configuration: masked wherever text leaves the process. */
export function apiSecrets(config: ApiConfig): string[] {
  const values = [
    config.auth.devSecret,
    config.keycloak.clientSecret,
    config.downloads.secret,
    config.pipeline.notion?.token,
    config.pipeline.git.token,
    config.pipeline.translation.openai.apiKey,
    ...Object.values(config.webhooks.secrets),
  ];
  return values.filter((value): value is string => typeof value === 'string' && value.length > 0);
}
