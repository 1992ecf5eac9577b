import { APIConnectionError, APIError, APIUserAbortError } from 'openai';
import type { ProviderErrorCode } from '../errors';
import { ProviderError } from '../errors';

/** Turns what the openai client throws into a `ProviderError` with a narrow code. */
export function toProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  if (error instanceof APIUserAbortError) return new ProviderError('aborted', 'The request was aborted');
  if (error instanceof APIConnectionError) return new ProviderError('network_error', error.message);
  if (error instanceof APIError) {
    const status = error.status;
    let code: ProviderErrorCode = 'request_rejected';
    if (error.code === 'insufficient_quota') code = 'insufficient_quota';
    else if (status === 401 || status === 403) code = 'authentication_failed';
    else if (status === 404) code = 'model_not_found';
    else if (status === 429) code = 'rate_limited';
    else if (status === 408 || status === 409 || (status !== undefined && status >= 500)) code = 'server_error';
    return new ProviderError(code, error.message, { status, requestId: error.requestID ?? undefined });
  }
  if (error instanceof Error && error.name === 'AbortError') return new ProviderError('aborted', 'The request was aborted');
  return new ProviderError('invalid_response', error instanceof Error ? error.message : String(error));
}

/**
 * A fetch that marks a 429 `insufficient_quota` answer `x-should-retry: false`, so the openai client
 * stops at once instead of retrying a request that cannot succeed (it keeps retrying every other 429).
 */
export function quotaAwareFetch(inner: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    if (response.status !== 429) return response;
    const body = await response.text();
    let code: unknown;
    try {
      code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
    } catch {
      code = undefined;
    }
    const headers = new Headers(response.headers);
    if (code === 'insufficient_quota') headers.set('x-should-retry', 'false');
    return new Response(body, { status: response.status, statusText: response.statusText, headers });
  };
}
