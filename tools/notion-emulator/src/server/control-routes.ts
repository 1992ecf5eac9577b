import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Workspace } from '../workspace';
import type { FaultOptions } from './faults';
import type { FileUrlSigner } from './file-urls';
import type { Route } from './http-kit';
import { readJson } from './http-kit';
import type { RateLimitOptions } from './rate-limiter';
import type { EmulatorStats } from './request-stats';
import { OptionsError, validationError } from './notion-error';
import type { WebhookDelivery, WebhookRequest } from './webhooks';

/** What the control endpoints (`/__…`, no auth, not rate limited) can reach. */
export interface ControlContext {
  workspace: Workspace;
  files: FileUrlSigner;
  stats(): EmulatorStats;
  resetStats(): void;
  setFaults(options: FaultOptions): void;
  setRateLimit(options: RateLimitOptions | false): void;
  sendWebhook(request: WebhookRequest): Promise<WebhookDelivery>;
  countFileDownload(): void;
}

/** Raw answers (file bytes, S3-style XML errors) bypass the JSON writer. */
export class RawAnswer {
  constructor(readonly write: (res: ServerResponse) => void) {}
}

/** Refused options become a 400 validation_error whose message says what to fix. */
function asValidationError(apply: () => void): void {
  try {
    apply();
  } catch (error) {
    if (error instanceof OptionsError) throw validationError(error.message);
    throw error;
  }
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

function webhookRequest(body: Record<string, unknown>): WebhookRequest {
  const url = typeof body.url === 'string' ? body.url : '';
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    throw validationError('body.url must be an absolute http URL.');
  }
  if (!LOOPBACK.test(host)) throw validationError('body.url must point at this machine (127.0.0.0/8, localhost or [::1]).');
  if (typeof body.verification_token !== 'string' || body.verification_token === '') {
    throw validationError('body.verification_token is required: it is the key the delivery is signed with.');
  }
  if (!body.verification && typeof body.entity_id !== 'string') {
    throw validationError('body.entity_id is required for an event (or send {"verification": true}).');
  }
  return {
    url,
    verificationToken: body.verification_token,
    type: body.type as string | undefined,
    entityId: body.entity_id as string | undefined,
    entityType: body.entity_type as WebhookRequest['entityType'],
    verification: body.verification === true,
    eventId: body.event_id as string | undefined,
    signWith: body.sign_with as string | undefined,
    data: body.data as Record<string, unknown> | undefined,
  };
}

function s3Error(status: number, code: string, message: string): RawAnswer {
  return new RawAnswer((res) => {
    res.writeHead(status, { 'content-type': 'application/xml' });
    res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
  });
}

function download(ctx: ControlContext, name: string, url: URL): RawAnswer {
  ctx.countFileDownload();
  const refusal = ctx.files.check(name, url.searchParams);
  if (refusal === 'RequestExpired') return s3Error(403, 'AccessDenied', 'Request has expired');
  if (refusal) return s3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
  const file = ctx.workspace.files[name];
  if (!file) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.');
  return new RawAnswer((res) => {
    res.writeHead(200, { 'content-type': file.contentType, 'content-length': file.data.length });
    res.end(file.data);
  });
}

export const controlRoutes: Route<ControlContext>[] = [
  { method: 'GET', pattern: /^\/__stats$/, endpoint: 'control', handle: (ctx) => ctx.stats() },
  {
    method: 'POST',
    pattern: /^\/__(?:stats\/)?reset$/,
    endpoint: 'control',
    handle: (ctx) => {
      ctx.resetStats();
      return { ok: true };
    },
  },
  {
    method: 'POST',
    pattern: /^\/__faults$/,
    endpoint: 'control',
    handle: async (ctx, _p, _u, req: IncomingMessage) => {
      const body = await readJson(req);
      asValidationError(() => ctx.setFaults(body as FaultOptions));
      return { ok: true };
    },
  },
  {
    method: 'POST',
    pattern: /^\/__rate-limit$/,
    endpoint: 'control',
    handle: async (ctx, _p, _u, req: IncomingMessage) => {
      const body = await readJson(req);
      asValidationError(() => ctx.setRateLimit(body.enabled === false ? false : (body as unknown as RateLimitOptions)));
      return { ok: true };
    },
  },
  {
    method: 'POST',
    pattern: /^\/__webhooks\/send$/,
    endpoint: 'control',
    handle: async (ctx, _p, _u, req: IncomingMessage) => ctx.sendWebhook(webhookRequest(await readJson(req))),
  },
  { method: 'GET', pattern: /^\/__files\/([^/]+)$/, endpoint: 'file', handle: (ctx, [name], url) => download(ctx, name, url) },
];
