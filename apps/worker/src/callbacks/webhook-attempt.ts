import { performance } from 'node:perf_hooks';
import { CallbackError } from './callback.errors';
import type { HostResolver } from './callback-target';
import { parseCallbackUrl, resolveCallbackTarget } from './callback-target';
import { postWebhook } from './webhook-post';
import { signWebhook } from './webhook-signature';

export interface WebhookAttemptInput {
  url: string;
  body: string;
  /** The `webhook-id`: the same for every attempt of one delivery. */
  webhookId: string;
  secret: string | null;
  allowPrivate: boolean;
  timeoutMs: number;
  resolve?: HostResolver;
  clock?: () => Date;
}

export interface WebhookAttemptOutcome {
  /** When the attempt started (UTC ISO). */
  at: string;
  statusCode: number | null;
  /** A 2xx answer: delivered. */
  ok: boolean;
  error: string | null;
  /** Whether another attempt may succeed. */
  retry: boolean;
  durationMs: number;
}

/**
 * 2xx delivered; 3xx a failed attempt (redirects are not followed); 408 and 429 retried; any other 4xx is
 * final (the receiver refuses it, asking again will not help); 5xx and anything else retried.
 */
export function judgeStatus(status: number): Pick<WebhookAttemptOutcome, 'ok' | 'error' | 'retry'> {
  if (status >= 200 && status < 300) return { ok: true, error: null, retry: false };
  if (status >= 300 && status < 400) return { ok: false, error: `redirect_not_followed: HTTP ${status}`, retry: true };
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) return { ok: false, error: `http_error: HTTP ${status}`, retry: false };
  return { ok: false, error: `http_error: HTTP ${status}`, retry: true };
}

/**
 * One signed POST (Standard Webhooks headers) to a target that passed the SSRF check. Never throws for
 * what can go wrong on the way: the outcome says it.
 */
export async function attemptWebhook(input: WebhookAttemptInput): Promise<WebhookAttemptOutcome> {
  const started = (input.clock ?? (() => new Date()))();
  const t0 = performance.now();
  const outcome = (rest: Omit<WebhookAttemptOutcome, 'at' | 'durationMs'>): WebhookAttemptOutcome => ({ at: started.toISOString(), durationMs: performance.now() - t0, ...rest });
  try {
    if (!input.secret) throw new CallbackError('no_secret', 'CALLBACK_SECRET is not set, so the callback cannot be signed');
    const target = await resolveCallbackTarget(parseCallbackUrl(input.url), { allowPrivate: input.allowPrivate, resolve: input.resolve });
    const timestamp = Math.floor(started.getTime() / 1000);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'zmp-manual-worker',
      'webhook-id': input.webhookId,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signWebhook(input.secret, { id: input.webhookId, timestamp, body: input.body }),
    };
    const status = await postWebhook({ target, headers, body: input.body, timeoutMs: input.timeoutMs });
    return outcome({ statusCode: status, ...judgeStatus(status) });
  } catch (error) {
    if (!(error instanceof CallbackError)) throw error;
    return outcome({ statusCode: null, ok: false, error: error.summary, retry: error.retryable });
  }
}
