import { formatResetDuration, insufficientQuota, rateLimited } from './errors';

describe('errors', () => {
  it('writes reset durations the way OpenAI does', () => {
    expect(formatResetDuration(0.02)).toBe('20ms');
    expect(formatResetDuration(1)).toBe('1s');
    expect(formatResetDuration(1.5)).toBe('1.5s');
    expect(formatResetDuration(360)).toBe('6m0s');
    expect(formatResetDuration(3723)).toBe('1h2m3s');
  });

  it('puts retry-after, retry-after-ms and the x-ratelimit headers on a rate-limit answer only', () => {
    expect(rateLimited('gpt-4o-mini', 0.25).headers).toEqual({
      'retry-after': '0.25',
      'retry-after-ms': '250',
      'x-ratelimit-limit-requests': '500',
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': '250ms',
    });
    expect(insufficientQuota().headers).toEqual({});
    expect(insufficientQuota().toJSON()).toEqual({
      error: {
        type: 'insufficient_quota',
        code: 'insufficient_quota',
        param: null,
        message: 'You exceeded your current quota, please check your plan and billing details.',
      },
    });
  });
});
