import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Workspace } from '../workspace';
import type { ApiContext } from './api-routes';
import { apiRoutes } from './api-routes';
import type { ControlContext } from './control-routes';
import { controlRoutes, RawAnswer } from './control-routes';
import type { FaultOptions } from './faults';
import { FaultInjector } from './faults';
import { FileUrlSigner } from './file-urls';
import { matchRoute, sendJson } from './http-kit';
import { NotionError, OptionsError, validationError } from './notion-error';
import type { RateLimitOptions } from './rate-limiter';
import { checkRateLimitOptions, RateLimiter } from './rate-limiter';
import type { EmulatorStats } from './request-stats';
import { countRequest, emptyStats } from './request-stats';
import type { WebhookDelivery, WebhookRequest } from './webhooks';
import { buildWebhookEvent, deliverWebhook } from './webhooks';

export interface NotionEmulatorOptions {
  /** The workspace to serve (see `loadWorkspace`, `buildDemoWorkspace`, `generateWorkspace`). */
  workspace: Workspace;
  /** Default 0: a free port. */
  port?: number;
  host?: string;
  /** Integration tokens accepted as `Authorization: Bearer …`. Default: `['secret_emulator']`. */
  tokens?: string[];
  /**
   * Default 3 requests/s on average, the rate Notion documents. Notion allows bursts above that average
   * but documents no burst size; the emulator's default burst of 5 is its own choice. `false` turns it off.
   */
  rateLimit?: RateLimitOptions | false;
  /** Injected 500/502/503 answers. Default: none. */
  faults?: FaultOptions;
  /** Lifetime of Notion-hosted file links. Default 3600 s, as Notion's. */
  fileUrlTtlSeconds?: number;
  /**
   * `Notion-Version` values accepted. Default: 2025-09-03, the only version whose object shapes the
   * emulator serves (and the one @notionhq/client 5.x sends). Others are answered 400 validation_error.
   */
  notionVersions?: string[];
  /** How long `sendWebhook` waits for the receiver to answer. Default 10 000 ms. */
  webhookTimeoutMs?: number;
  /** Clock, in ms since the epoch; tests move it to expire file links, refill the rate limit, date webhook events. */
  now?: () => number;
}

export interface NotionEmulator {
  /** Base URL to give `new Client({ baseUrl })`, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** The first accepted token, handy for `new Client({ auth })`. */
  readonly token: string;
  /** The live workspace: tests may change it between requests (e.g. edit a page). */
  readonly workspace: Workspace;
  stats(): EmulatorStats;
  resetStats(): void;
  setFaults(options: FaultOptions): void;
  setRateLimit(options: RateLimitOptions | false): void;
  /** Sends a signed webhook event (or the verification handshake) to a local URL. */
  sendWebhook(request: WebhookRequest): Promise<WebhookDelivery>;
  stop(): Promise<void>;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { requestsPerSecond: 3, burst: 5 };
/** The API versions whose shapes the emulator serves: the workspace is stored in 2025-09-03 shapes. */
export const SERVED_NOTION_VERSIONS: readonly string[] = ['2025-09-03'];
const WEBHOOK_TIMEOUT_MS = 10_000;

export async function startNotionEmulator(options: NotionEmulatorOptions): Promise<NotionEmulator> {
  const now = options.now ?? Date.now;
  const tokens = new Set(options.tokens ?? ['secret_emulator']);
  const versions = new Set(options.notionVersions ?? SERVED_NOTION_VERSIONS);
  const workspace = options.workspace;
  const faults = new FaultInjector(options.faults);
  let limiter: RateLimiter | undefined;
  const setRateLimit = (rl: RateLimitOptions | false) => {
    const checked = checkRateLimitOptions(rl);
    limiter = checked ? new RateLimiter(checked, now) : undefined;
  };
  setRateLimit(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  let stats = emptyStats();
  let baseUrl = '';
  const fileUrlTtlSeconds = options.fileUrlTtlSeconds ?? 3600;
  if (!Number.isInteger(fileUrlTtlSeconds) || fileUrlTtlSeconds < 1) {
    throw new OptionsError(`fileUrlTtlSeconds must be an integer >= 1, got ${String(options.fileUrlTtlSeconds)}.`);
  }
  const files = new FileUrlSigner(() => baseUrl, fileUrlTtlSeconds, now);
  const authorId = Object.values(workspace.users).find((u) => u.type === 'person')?.id ?? '';

  const sendWebhook = async (request: WebhookRequest) => {
    const event = request.verification ? undefined : buildWebhookEvent(request, workspace, { authorId, now });
    const delivery = await deliverWebhook(request, event, options.webhookTimeoutMs ?? WEBHOOK_TIMEOUT_MS);
    stats.webhooks_sent += 1;
    return delivery;
  };

  const control: ControlContext = {
    workspace,
    files,
    stats: () => stats,
    resetStats: () => {
      stats = emptyStats();
    },
    setFaults: (f) => faults.configure(f),
    setRateLimit,
    sendWebhook,
    countFileDownload: () => {
      stats.file_downloads += 1;
    },
  };
  const api: ApiContext = { workspace, files };

  /** Throws the error Notion would answer with before it looks at the request at all. */
  const guard = (req: IncomingMessage): void => {
    const auth = req.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : '';
    if (!tokens.has(token)) throw new NotionError(401, 'unauthorized', 'API token is invalid.');
    const version = req.headers['notion-version'];
    if (version === undefined) {
      throw new NotionError(
        400,
        'missing_version',
        'Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.',
      );
    }
    if (typeof version !== 'string' || !versions.has(version)) {
      throw validationError(
        `Notion-Version header failed validation: the emulator does not serve version \`${String(version)}\`; ` +
          `send one of: ${[...versions].join(', ')}.`,
      );
    }
    const decision = limiter?.take();
    if (decision && !decision.allowed) {
      stats.rate_limited += 1;
      throw new NotionError(429, 'rate_limited', 'You have been rate limited. Please try again in a few minutes.', {
        'retry-after': String(decision.retryAfterSeconds),
      });
    }
    const fault = faults.next();
    if (fault) {
      stats.faults_injected += 1;
      throw fault;
    }
  };

  const serveApi = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    let endpoint = 'unknown';
    try {
      const found = matchRoute(apiRoutes, req.method ?? 'GET', url.pathname);
      if (found && 'route' in found) endpoint = found.route.endpoint;
      if (!found || !('route' in found)) {
        throw new NotionError(400, 'invalid_request_url', `Invalid request URL: ${req.method} ${url.pathname}`);
      }
      guard(req);
      const body = files.resolve(await found.route.handle(api, found.params, url, req));
      countRequest(stats, endpoint, 200);
      sendJson(res, 200, body);
    } catch (error) {
      const notionError =
        error instanceof NotionError ? error : new NotionError(500, 'internal_server_error', 'Unexpected error occurred.');
      countRequest(stats, endpoint, notionError.status);
      sendJson(res, notionError.status, notionError.toJSON(), notionError.headers);
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', baseUrl);
    if (url.pathname.startsWith('/__')) {
      const found = matchRoute(controlRoutes, req.method ?? 'GET', url.pathname);
      if (!found || 'allowed' in found) return sendJson(res, 404, { object: 'error', status: 404, code: 'invalid_request_url', message: `No control route ${req.method} ${url.pathname}` });
      const answer = await found.route.handle(control, found.params, url, req);
      return answer instanceof RawAnswer ? answer.write(res) : sendJson(res, 200, answer);
    }
    await serveApi(req, res, url);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof NotionError ? error.status : 500;
      const body = error instanceof NotionError ? error.toJSON() : { object: 'error', status: 500, code: 'internal_server_error', message: String(error) };
      if (!res.headersSent) sendJson(res, status, body);
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  return {
    url: baseUrl,
    token: [...tokens][0],
    workspace,
    stats: () => structuredClone(stats),
    resetStats: control.resetStats,
    setFaults: control.setFaults,
    setRateLimit,
    sendWebhook,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
