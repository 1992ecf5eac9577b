import { checkRateLimitOptions, RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('allows a burst, then the average rate, and says when to come back', () => {
    let now = 0;
    const limiter = new RateLimiter({ requestsPerSecond: 3, burst: 2 }, () => now);
    expect(limiter.take()).toEqual({ allowed: true });
    expect(limiter.take()).toEqual({ allowed: true });
    expect(limiter.take()).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 334; // one token refills in 1/3 s
    expect(limiter.take()).toEqual({ allowed: true });
    expect(limiter.take().allowed).toBe(false);
    now += 10_000; // never more than the burst
    expect([limiter.take(), limiter.take(), limiter.take()].map((d) => d.allowed)).toEqual([true, true, false]);
  });

  it('rounds Retry-After up to whole seconds for slow rates', () => {
    const limiter = new RateLimiter({ requestsPerSecond: 0.25, burst: 1 }, () => 0);
    limiter.take();
    expect(limiter.take()).toEqual({ allowed: false, retryAfterSeconds: 4 });
  });
});

describe('checkRateLimitOptions', () => {
  it('accepts a positive rate with a whole burst, or false', () => {
    expect(checkRateLimitOptions({ requestsPerSecond: 0.5, burst: 1 })).toEqual({ requestsPerSecond: 0.5, burst: 1 });
    expect(checkRateLimitOptions(false)).toBe(false);
  });

  it.each([
    [{ requestsPerSecond: 0, burst: 1 }, /requestsPerSecond must be a number > 0/],
    [{ requestsPerSecond: Number.POSITIVE_INFINITY, burst: 1 }, /requestsPerSecond/],
    [{ requestsPerSecond: '3', burst: 1 }, /requestsPerSecond/],
    [{ requestsPerSecond: 3, burst: 0.5 }, /burst must be an integer >= 1/],
    [undefined, /requestsPerSecond/],
  ])('refuses %j with a RangeError saying what to fix', (options, message) => {
    expect(() => checkRateLimitOptions(options)).toThrow(RangeError);
    expect(() => checkRateLimitOptions(options)).toThrow(message);
  });
});
