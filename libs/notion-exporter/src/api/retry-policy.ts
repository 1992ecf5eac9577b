export interface RetryOptions {
  /** Retries after the first attempt. Default 6. */
  maxRetries?: number;
  /** First back-off delay when the answer has no Retry-After. Default 500 ms (doubles each retry). */
  initialDelayMs?: number;
  /** Longest back-off delay. Default 30 000 ms. */
  maxDelayMs?: number;
  /** A Retry-After longer than this ends the export with `rate_limited` instead of waiting. Default 60 000 ms. */
  maxRetryAfterMs?: number;
}

export type ResolvedRetryOptions = Required<RetryOptions>;

export function resolveRetryOptions(options: RetryOptions = {}): ResolvedRetryOptions {
  return {
    maxRetries: options.maxRetries ?? 6,
    initialDelayMs: options.initialDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 30_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
  };
}

/** What a failed call looked like, read from whatever the Notion client threw. */
export interface FailedCall {
  status?: number;
  notionCode?: string;
  retryAfterMs?: number;
  /** Network failure or client timeout: no HTTP answer at all. */
  transport: boolean;
}

function header(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const getter = (headers as { get?: unknown }).get;
  if (typeof getter === 'function') {
    const value: unknown = getter.call(headers, name);
    return typeof value === 'string' ? value : undefined;
  }
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** Retry-After in ms: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function describeFailure(error: unknown, now: number): FailedCall {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const status = typeof e.status === 'number' ? e.status : undefined;
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (status === undefined) {
    const transport = code === 'notionhq_client_request_timeout' || error instanceof TypeError || typeof e.errno === 'number' || /^E[A-Z]+$/.test(code ?? '');
    return { transport, notionCode: code };
  }
  return { status, notionCode: code, retryAfterMs: parseRetryAfter(header(e.headers, 'retry-after'), now), transport: false };
}

/** 429, any 5xx (500, 502, 503, 504, Notion's 529 overload, proxies' 52x) and network failures: never another 4xx. */
export function isRetryable(failure: FailedCall): boolean {
  const status = failure.status;
  return failure.transport || status === 429 || (status !== undefined && status >= 500 && status <= 599);
}

/** Exponential back-off with jitter in [50 %, 100 %] of the step. */
export function backoffDelay(attempt: number, options: ResolvedRetryOptions, random: () => number): number {
  const step = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** attempt);
  return Math.round(step * (0.5 + random() / 2));
}
