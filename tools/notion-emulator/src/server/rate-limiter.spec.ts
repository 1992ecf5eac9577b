import { RateLimiter } from './rate-limiter';

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
