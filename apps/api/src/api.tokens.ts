/**
 * What the API's modules share (docs/decisions/0005-api.md): the injection tokens, the typed configuration and
 * the small interfaces one module provides and another consumes. The core module provides the first group.
 */
import type { SettingsWithoutNotion } from '@zmp-manual/publish-pipeline';
import type { AuthUser } from './auth/auth-user';

/** The typed configuration, parsed once at start (`ApiConfig`). */
export const API_CONFIG = Symbol('API_CONFIG');
/** An ioredis client for plain commands (never blocked). */
export const REDIS = Symbol('REDIS');
/** job-events instances on the shared connection, under `REDIS_KEY_PREFIX` (the worker uses the same). */
export const JOB_STORE = Symbol('JOB_STORE');
export const JOB_CANCELLATION = Symbol('JOB_CANCELLATION');
export const NOTIFICATION_STORE = Symbol('NOTIFICATION_STORE');
export const EVENT_BUS = Symbol('EVENT_BUS');
export const ARTIFACT_STORE = Symbol('ARTIFACT_STORE');
export const MANUALS_CACHE_STORE = Symbol('MANUALS_CACHE_STORE');
/** Masks the configured secrets in text bound for logs or responses. */
export const SECRET_REDACTOR = Symbol('SECRET_REDACTOR');
export interface SecretRedaction {
  redact(text: string): string;
}

/** Single-use tickets for clients that cannot send a header (EventSource, a download, the queue dashboard). Provided by the auth module. */
export const SSE_TICKETS = Symbol('SSE_TICKETS');
export interface TicketIssuer {
  /** A fresh ticket for `user`, valid `ttlSeconds` (`SSE_TICKET_TTL_S`) and usable once. */
  issue(user: AuthUser): Promise<{ ticket: string; expires_in: number }>;
  /** The user the ticket was issued to, consuming it; `null` when unknown, used or expired. */
  redeem(ticket: string): Promise<AuthUser | null>;
}

/** The full slug path of a page (`zcp/getting-started/install`), from the manuals cache. Provided by the manuals module. */
export const MANUALS_PATHS = Symbol('MANUALS_PATHS');
export interface ManualsPaths {
  /** `null` when the page is not in the solution's cached tree (or the cache is empty). Never calls Notion. */
  titlePath(solution: string, pageId: string): Promise<string | null>;
}

/** Live SSE connection counts, for the metrics. Provided by the streams module. */
export const SSE_STATS = Symbol('SSE_STATS');
export interface SseStats {
  /** Open connections by stream kind. */
  open(): { watch: number; notifications: number };
}

/** The configuration the API runs with. Every field comes from one documented env variable (apps/api/README.md). */
export interface ApiConfig {
  /** `HOST` (0.0.0.0), `PORT` (8000). */
  host: string;
  port: number;
  /** `APP_ROOT` (`/api/manual/v1`): the base path of every route but `/health`. No trailing slash. */
  appRoot: string;
  /** `API_NAME` (the host name): in logs and metrics. */
  instanceName: string;
  /** `REDIS_URL`, `REDIS_KEY_PREFIX` (`zmp:`): the same as the worker's. */
  redisUrl: string;
  keyPrefix: string;
  /** `ALLOWED_ORIGINS` (`*`): CORS origins, comma-separated; `*` allows any origin without credentials. */
  cors: { origins: '*' | string[] };
  /** `TRUST_PROXY` (0): reverse proxies in front of the API trusted for the client IP (X-Forwarded-For, rate limits) and the scheme (secure cookies); 0 = the TCP peer. */
  trustProxyHops: number;
  /** `BODY_LIMIT_BYTES` (262144): larger request bodies get 413. */
  bodyLimitBytes: number;
  rateLimit: {
    /** `RATE_LIMIT_PER_MINUTE` (600): requests per client (user, else IP) per minute; 0 = off. */
    perMinute: number;
    /** `RATE_LIMIT_PUBLISH_PER_MINUTE` (30): `POST /publish` per user per minute. */
    publishPerMinute: number;
  };
  auth: {
    /** `AUTH_MODE` (`keycloak`): `keycloak` = RS256 through the issuer's JWKS; `dev` = HS256 with `AUTH_DEV_SECRET`. */
    mode: 'keycloak' | 'dev';
    /** `AUTH_ISSUER` (keycloak: `${KEYCLOAK_SERVER_URL}/realms/${KEYCLOAK_REALM}`; dev: `zmp-manual-dev`). */
    issuer: string;
    /** `AUTH_AUDIENCE` (comma-separated; default `KEYCLOAK_CLIENT_ID`, dev: `zmp-manual`). */
    audiences: string[];
    /** `AUTH_JWKS_URL` (keycloak: `${issuer}/protocol/openid-connect/certs`); null in dev mode. */
    jwksUrl: string | null;
    /** `AUTH_DEV_SECRET` (dev mode only, at least 32 characters). */
    devSecret: string | null;
    /** `AUTH_CLOCK_TOLERANCE_S` (30). */
    clockToleranceSeconds: number;
    /** `AUTH_PUBLISHER_ROLE` (`manual-publisher`), `AUTH_ADMIN_ROLE` (`manual-admin`): admins are publishers too. */
    publisherRole: string;
    adminRole: string;
    /** `AUTH_ROLES_CLIENT` (default `KEYCLOAK_CLIENT_ID`): whose `resource_access.<client>.roles` count besides `realm_access.roles`. */
    rolesClient: string | null;
    /** `SSE_TICKET_TTL_S` (60). */
    ticketTtlSeconds: number;
    /** `HTTP_CLIENT_SSL_VERIFY` (true): verify TLS when fetching the JWKS and exchanging codes. */
    tlsVerify: boolean;
  };
  keycloak: {
    /** `KEYCLOAK_SERVER_URL`, `KEYCLOAK_REALM` (`ags`), `KEYCLOAK_CLIENT_ID` (`zmp-client`), `KEYCLOAK_CLIENT_SECRET`, `KEYCLOAK_REDIRECT_URI`. */
    serverUrl: string | null;
    realm: string;
    clientId: string;
    clientSecret: string | null;
    redirectUri: string | null;
  };
  sse: {
    /** `SSE_HEARTBEAT_MS` (15000), `SSE_PING_EVENT_MS` (10000), `SSE_CLOSE_DELAY_MS` (15000). */
    heartbeatMs: number;
    pingEventMs: number;
    closeDelayMs: number;
    /** `SSE_MAX_CONNECTIONS` (10000) per process, `SSE_MAX_PER_USER` (20) per user per process. */
    maxConnections: number;
    maxPerUser: number;
  };
  downloads: {
    /** `DOWNLOAD_SIGNING_SECRET`: HMAC key of download links (share it between replicas); random per process when unset. */
    secret: string;
    secretFromEnv: boolean;
    /** `DOWNLOAD_LINK_TTL_S` (300). */
    ttlSeconds: number;
  };
  webhooks: {
    /** `NOTION_WEBHOOK_<SOL>_SECRET` per configured solution (the subscription's verification token). */
    secrets: Record<string, string | null>;
    /** `NOTION_WEBHOOK_MAX_AGE_S` (3600): events whose `timestamp` is further from now are ignored. */
    maxAgeSeconds: number;
    /** `NOTION_WEBHOOK_DEDUPE_TTL_S` (86400): how long an event id is remembered. */
    dedupeTtlSeconds: number;
    /** `NOTION_REFRESH_DEBOUNCE_MS` (60000): same variable as the worker's. */
    debounceMs: number;
  };
  callbacks: {
    /** `CALLBACK_SECRET` set (the worker signs with it): without it `callback_url` is refused with 422. */
    enabled: boolean;
    /** `CALLBACK_ALLOW_PRIVATE` (false): accept loopback/private callback hosts. */
    allowPrivate: boolean;
  };
  /** `METRICS_PUBLIC` (true): `/metrics` without authentication; false = admins only. */
  metricsPublic: boolean;
  /** `SWAGGER_ENABLED` (true): OpenAPI JSON and Swagger UI. */
  swaggerEnabled: boolean;
  /** `SUPPORTED_LANGUAGES` (default `TARGET_LANGUAGES`): languages a publish may ask for. */
  supportedLanguages: string[];
  /** The pipeline's settings (`loadSettings(env, {require: []})`): solutions, `TARGET_LANGUAGES`, Notion (the manuals cache; `null` without `NOTION_TOKEN`). */
  pipeline: SettingsWithoutNotion;
}

/**
 * Authenticates a raw request outside Nest's guards (the queue dashboard is an Express app mounted beside
 * Nest). Provided by the auth module, which uses it in its global guard too.
 */
export const REQUEST_AUTHENTICATOR = Symbol('REQUEST_AUTHENTICATOR');
export interface RequestAuthenticator {
  /** The user of `Authorization: Bearer …`; `ApiError` 401 with what is wrong (missing, expired, bad signature, wrong issuer/audience). */
  fromAuthorization(header: string | undefined): Promise<AuthUser>;
  /** The user of a single-use ticket (consumed); `ApiError` 401 when it is unknown, used or expired. */
  fromTicket(ticket: string): Promise<AuthUser>;
}
