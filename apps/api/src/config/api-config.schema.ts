import { booleanVar, integerVar, optionalHttpUrlVar, optionalSecretVar, optionalStringVar, redisUrlVar, stringVar } from '@zmp-manual/app-config';
import { hostname } from 'node:os';
import { z } from 'zod';

const MAX_PORT = 65_535;
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/**
 * Every env variable of the API itself (the pipeline's — solutions, `TARGET_LANGUAGES`, Notion — are read by
 * publish-pipeline's `loadSettings`; `NOTION_WEBHOOK_<SOL>_SECRET` per solution by load-api-config.ts). Keys are
 * the variable names, so an issue's path names the variable. Defaults are listed in apps/api/README.md.
 */
export const apiEnvSchema = z.object({
  HOST: stringVar('0.0.0.0'),
  PORT: integerVar(8000, 0, MAX_PORT),
  APP_ROOT: stringVar('/api/manual/v1').refine((v) => /^\/[A-Za-z0-9/_.-]*[^/]$/.test(v), {
    error: 'must start with / and not end with / (e.g. /api/manual/v1)',
  }),
  API_NAME: stringVar(hostname()),
  REDIS_URL: redisUrlVar('redis://127.0.0.1:6379'),
  REDIS_KEY_PREFIX: stringVar('zmp:').refine((v) => /^[A-Za-z0-9:_.-]{1,64}$/.test(v), {
    error: 'must be 1–64 characters of letters, digits and : _ . -',
  }),
  ALLOWED_ORIGINS: stringVar('*'),
  BODY_LIMIT_BYTES: integerVar(262_144, 1_024, 104_857_600),
  RATE_LIMIT_PER_MINUTE: integerVar(600, 0),
  RATE_LIMIT_PUBLISH_PER_MINUTE: integerVar(30, 0),
  AUTH_MODE: z.preprocess(blankToUndefined, z.enum(['keycloak', 'dev'], { error: 'must be keycloak or dev' }).prefault('keycloak')),
  AUTH_ISSUER: optionalStringVar(),
  AUTH_AUDIENCE: optionalStringVar(),
  AUTH_JWKS_URL: optionalHttpUrlVar(),
  AUTH_DEV_SECRET: optionalSecretVar(),
  AUTH_CLOCK_TOLERANCE_S: integerVar(30, 0, 600),
  AUTH_PUBLISHER_ROLE: stringVar('manual-publisher'),
  AUTH_ADMIN_ROLE: stringVar('manual-admin'),
  AUTH_ROLES_CLIENT: optionalStringVar(),
  SSE_TICKET_TTL_S: integerVar(60, 5, 3_600),
  HTTP_CLIENT_SSL_VERIFY: booleanVar(true),
  KEYCLOAK_SERVER_URL: optionalHttpUrlVar(),
  KEYCLOAK_REALM: stringVar('ags'),
  KEYCLOAK_CLIENT_ID: stringVar('zmp-client'),
  KEYCLOAK_CLIENT_SECRET: optionalSecretVar(),
  KEYCLOAK_REDIRECT_URI: optionalHttpUrlVar(),
  SSE_HEARTBEAT_MS: integerVar(15_000, 0),
  SSE_PING_EVENT_MS: integerVar(10_000, 0),
  SSE_CLOSE_DELAY_MS: integerVar(15_000, 0),
  SSE_MAX_CONNECTIONS: integerVar(10_000, 1),
  SSE_MAX_PER_USER: integerVar(20, 1),
  DOWNLOAD_SIGNING_SECRET: optionalSecretVar().refine((v) => v === null || v.length >= 32, { error: 'must be at least 32 characters' }),
  DOWNLOAD_LINK_TTL_S: integerVar(300, 10, 86_400),
  NOTION_WEBHOOK_MAX_AGE_S: integerVar(3_600, 10),
  NOTION_WEBHOOK_DEDUPE_TTL_S: integerVar(86_400, 60),
  NOTION_REFRESH_DEBOUNCE_MS: integerVar(60_000, 0),
  CALLBACK_SECRET: optionalSecretVar(),
  CALLBACK_ALLOW_PRIVATE: booleanVar(false),
  METRICS_PUBLIC: booleanVar(true),
  SWAGGER_ENABLED: booleanVar(true),
  SUPPORTED_LANGUAGES: optionalStringVar(),
  TRUST_PROXY: integerVar(0, 0, 10),
});

export type ApiEnv = z.output<typeof apiEnvSchema>;
