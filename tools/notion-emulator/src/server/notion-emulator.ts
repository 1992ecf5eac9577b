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
import { NotionError } from './notion-error';
import type { RateLimitOptions } from './rate-limiter';
import { RateLimiter } from './rate-limiter';
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
  /** Default 3 requests/s with a burst of 5, as Notion documents; `false` turns it off. */
  rateLimit?: RateLimitOptions | false;
  /** Injected 500/502/503 answers. Default: none. */
  faults?: FaultOptions;
  /** Lifetime of Notion-hosted file links. Default 3600 s, as Notion's. */
  fileUrlTtlSeconds?: number;
  /** `Notion-Version` values accepted. Default: 2022-06-28 and 2025-09-03. */
  notionVersions?: string[];
  /** Clock, in ms since the epoch; tests move it to expire file links. */
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
const DEFAULT_VERSIONS = ['2022-06-28', '2025-09-03'];

function checkRateLimit(options: RateLimitOptions | false): RateLimitOptions | false {
  if (options === false) return false;
  if (!(options.requestsPerSecond > 0) || !(options.burst >= 1)) {
    throw new RangeError('rateLimit needs requestsPerSecond > 0 and burst >= 1 (or false to turn it off)');
  }
  return options;
}

export async function startNotionEmulator(options: NotionEmulatorOptions): Promise<NotionEmulator> {
  const now = options.now ?? Date.now;
  const tokens = new Set(options.tokens ?? ['secret_emulator']);
  const versions = new Set(options.notionVersions ?? DEFAULT_VERSIONS);
  const workspace = options.workspace;
  const faults = new FaultInjector(options.faults);
  let limiter: RateLimiter | undefined;
  const setRateLimit = (rl: RateLimitOptions | false) => {
    const checked = checkRateLimit(rl);
    limiter = checked ? new RateLimiter(checked, now) : undefined;
  };
  setRateLimit(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  let stats = emptyStats();
  let baseUrl = '';
  const files = new FileUrlSigner(() => baseUrl, options.fileUrlTtlSeconds ?? 3600, now);
  const authorId = Object.values(workspace.users).find((u) => u.type === 'person')?.id ?? '';

  const sendWebhook = async (request: WebhookRequest) => {
    const event = request.verification ? undefined : buildWebhookEvent(request, workspace.rootPageId, workspace.name, authorId);
    const delivery = await deliverWebhook(request, event);
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
    if (typeof version !== 'string' || !versions.has(version)) {
      const message =
        version === undefined
          ? 'Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.'
          : `Notion-Version header failed validation: ${String(version)} is not a supported version (${[...versions].join(', ')}).`;
      throw new NotionError(400, 'missing_version', message);
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
    const found = matchRoute(apiRoutes, req.method ?? 'GET', url.pathname);
    const endpoint = found && 'route' in found ? found.route.endpoint : 'unknown';
    try {
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
