import type { Client } from '@notionhq/client';
import { NotionExportError } from '../errors/export-error';
import { NotionGateway } from './notion-gateway';
import { RateLimiter } from './rate-limiter';
import { resolveRetryOptions } from './retry-policy';

/** Errors shaped as @notionhq/client throws them (status, code, headers). */
function apiError(status: number, code: string, headers: Record<string, string> = {}): Error {
  return Object.assign(new Error(`${code}`), { status, code, headers: new Headers(headers) });
}

function gatewayFor(retrieve: () => Promise<unknown>, limiter = new RateLimiter(false)): NotionGateway {
  const client = { pages: { retrieve } } as unknown as Client;
  return new NotionGateway({ client, limiter, retry: resolveRetryOptions({ maxRetries: 3, initialDelayMs: 1 }), now: Date.now });
}

describe('NotionGateway error mapping', () => {
  it.each([
    [401, 'unauthorized', 'unauthorized'],
    [403, 'restricted_resource', 'no_access'],
    [404, 'object_not_found', 'page_not_found'],
    [400, 'validation_error', 'invalid_page_id'],
    [409, 'conflict_error', 'notion_api_error'],
    [408, 'request_timeout', 'notion_api_error'],
  ])('maps HTTP %i %s to %s without retrying', async (status, notionCode, code) => {
    const retrieve = jest.fn(() => Promise.reject(apiError(status, notionCode)));
    const error = await gatewayFor(retrieve).retrievePage('p').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotionExportError);
    expect((error as NotionExportError).toJSON()).toMatchObject({ code, status, notionCode, operation: 'pages.retrieve', pageId: 'p' });
    expect(retrieve).toHaveBeenCalledTimes(1);
  });

  it('retries 529, other 5xx and network failures, then succeeds', async () => {
    const retrieve = jest
      .fn()
      .mockRejectedValueOnce(apiError(529, 'service_overload'))
      .mockRejectedValueOnce(apiError(520, 'unknown'))
      .mockRejectedValueOnce(new TypeError('fetch failed'))
      .mockResolvedValueOnce({ id: 'p' });
    const gateway = gatewayFor(retrieve);
    await expect(gateway.retrievePage('p')).resolves.toEqual({ id: 'p' });
    expect(gateway.counters).toEqual({ calls: { 'pages.retrieve': 4 }, retries: 3, rateLimited: 0 });
  });

  it('pauses the shared limiter for the Retry-After of a 429', async () => {
    const limiter = new RateLimiter(false);
    const pause = jest.spyOn(limiter, 'pauseFor');
    const retrieve = jest.fn().mockRejectedValueOnce(apiError(429, 'rate_limited', { 'retry-after': '0.01' })).mockResolvedValueOnce({ id: 'p' });
    await gatewayFor(retrieve, limiter).retrievePage('p');
    expect(pause).toHaveBeenCalledWith(10);
  });

  it('stops waiting out a Retry-After as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const retrieve = jest.fn().mockRejectedValue(apiError(429, 'rate_limited', { 'retry-after': '30' }));
    const client = { pages: { retrieve } } as unknown as Client;
    const gateway = new NotionGateway({ client, limiter: new RateLimiter(false), retry: resolveRetryOptions(), signal: controller.signal, now: Date.now });
    const pending = gateway.retrievePage('p');
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
    expect(retrieve).toHaveBeenCalledTimes(1);
  });

  it('does not call Notion once the signal has aborted', async () => {
    const retrieve = jest.fn(() => Promise.resolve({}));
    const controller = new AbortController();
    controller.abort();
    const gateway = new NotionGateway({ client: { pages: { retrieve } } as unknown as Client, limiter: new RateLimiter(false), retry: resolveRetryOptions(), signal: controller.signal, now: Date.now });
    await expect(gateway.retrievePage('p')).rejects.toMatchObject({ code: 'aborted' });
    expect(retrieve).not.toHaveBeenCalled();
  });
});
