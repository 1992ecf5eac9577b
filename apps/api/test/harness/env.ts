import type { Emulators } from './emulators';
import { CLIENT_ID, REALM } from './users';
import { SECRETS } from './secrets';

export const REDIS_URL = process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const BRANCH = 'main';
export const APP_ROOT = '/api/manual/v1';
/** Where the Swagger UI's OAuth login comes back (the API's `GET /auth/docs/oauth2-redirect`). */
export const REDIRECT_PATH = `${APP_ROOT}/auth/docs/oauth2-redirect`;
/** The webhook debounce both processes use (`NOTION_REFRESH_DEBOUNCE_MS`). */
export const DEBOUNCE_MS = 200;
/** The watch stream's grace period after the terminal state (`SSE_CLOSE_DELAY_MS`). */
export const CLOSE_DELAY_MS = 500;

export interface EnvOptions {
  keyPrefix: string;
  emulators: Emulators;
  rootPageId: string;
  repoUrl: string;
}

/** What both processes read (the pipeline's settings): one `.env` shared by API and worker, as deployed. */
function sharedEnv(options: EnvOptions): Record<string, string> {
  return {
    REDIS_URL,
    REDIS_KEY_PREFIX: options.keyPrefix,
    SOLUTIONS: 'zcp',
    ZCP_ROOT_PAGE_ID: options.rootPageId,
    NOTION_TOKEN: SECRETS.notionToken,
    NOTION_BASE_URL: options.emulators.notion.url,
    NOTION_RATE_LIMIT: '0',
    TARGET_LANGUAGES: 'ko,ja',
    GITHUB_REPO_URL: options.repoUrl,
    GITHUB_BRANCH: BRANCH,
    GITHUB_TOKEN: SECRETS.gitToken,
    TRANSLATION_PROVIDER: 'openai',
    OPENAI_API_KEY: SECRETS.openaiKey,
    OPENAI_BASE_URL: options.emulators.openai.baseURL,
    OPENAI_MODEL: 'gpt-4o-mini',
    NOTION_WEBHOOK_ZCP_SECRET: SECRETS.webhookSecret,
    NOTION_REFRESH_DEBOUNCE_MS: String(DEBOUNCE_MS),
  };
}

/** The API process: keycloak mode against the OIDC emulator, short SSE timings, fixed signing secrets. */
export function apiEnv(options: EnvOptions & { port: number }, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...sharedEnv(options),
    HOST: '127.0.0.1',
    PORT: String(options.port),
    API_NAME: 'api-e2e',
    AUTH_MODE: 'keycloak',
    KEYCLOAK_SERVER_URL: options.emulators.oidc.url,
    KEYCLOAK_REALM: REALM,
    KEYCLOAK_CLIENT_ID: CLIENT_ID,
    KEYCLOAK_CLIENT_SECRET: SECRETS.clientSecret,
    KEYCLOAK_REDIRECT_URI: `http://127.0.0.1:${options.port}${REDIRECT_PATH}`,
    DOWNLOAD_SIGNING_SECRET: SECRETS.downloadSecret,
    SSE_HEARTBEAT_MS: '250',
    SSE_PING_EVENT_MS: '400',
    SSE_CLOSE_DELAY_MS: String(CLOSE_DELAY_MS),
    // The suite makes a few hundred requests a minute from one address and a few users: keep the limiter out of the way.
    RATE_LIMIT_PER_MINUTE: '100000',
    RATE_LIMIT_PUBLISH_PER_MINUTE: '1000',
    ...extra,
  };
}

/**
 * The worker process: quick cancel polls, a data folder of its own, the pipeline pointed at the emulators
 * (as apps/worker's e2e harness does; Bull's lock timings stay at their defaults: nothing here kills a worker).
 */
export function workerEnv(options: EnvOptions & { dataDir: string; name: string }, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...sharedEnv(options),
    WORKER_NAME: options.name,
    WORKER_HEALTH_PORT: '0',
    WORKER_DATA_DIR: options.dataDir,
    CANCEL_POLL_MS: '100',
    SHUTDOWN_GRACE_MS: '5000',
    GIT_AUTHOR_NAME: 'zmp-manual api e2e',
    GIT_AUTHOR_EMAIL: 'api-e2e@example.com',
    ...extra,
  };
}
