import { MemoryStoreError, ProviderError, TranslatorError } from './errors';

describe('errors', () => {
  it('carry a code and structured fields, serialised by toJSON', () => {
    expect(new TranslatorError('invalid_mdx', 'bad', 'a.mdx', 3, 7).toJSON()).toEqual({ name: 'TranslatorError', code: 'invalid_mdx', message: 'bad', file: 'a.mdx', line: 3, column: 7 });
    expect(new MemoryStoreError('memory_unreadable', 'no', '/m/ko.json').toJSON()).toEqual({ name: 'MemoryStoreError', code: 'memory_unreadable', message: 'no', path: '/m/ko.json' });
  });

  it('tell fatal provider errors (stop the run) from those a retry may fix', () => {
    expect(['insufficient_quota', 'authentication_failed', 'model_not_found', 'aborted'].every((code) => new ProviderError(code as never, '').fatal)).toBe(true);
    expect(['rate_limited', 'server_error', 'truncated', 'invalid_response'].some((code) => new ProviderError(code as never, '').fatal)).toBe(false);
    expect(new ProviderError('rate_limited', 'slow down', { status: 429 }).toJSON()).toEqual({
      name: 'ProviderError',
      code: 'rate_limited',
      message: 'slow down',
      fatal: false,
      status: 429,
      requestId: undefined,
    });
  });
});
