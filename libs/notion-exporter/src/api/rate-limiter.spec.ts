import { RateLimiter } from './rate-limiter';
import type { RateLimiterClock } from './rate-limiter';

/** A clock that only moves when the limiter sleeps: times are exact, the test never waits. */
function fakeClock(): RateLimiterClock & { sends: number[] } {
  let t = 0;
  const clock = {
    sends: [] as number[],
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
  };
  return clock;
}

async function sendTimes(limiter: RateLimiter, clock: ReturnType<typeof fakeClock>, count: number): Promise<number[]> {
  for (let i = 0; i < count; i += 1) {
    await limiter.acquire();
    clock.sends.push(clock.now());
  }
  return clock.sends;
}

describe('RateLimiter', () => {
  it('lets a burst through, then spaces requests at the average rate', async () => {
    const clock = fakeClock();
    const times = await sendTimes(new RateLimiter({ requestsPerSecond: 3, burst: 3 }, clock), clock, 6);
    expect(times).toEqual([0, 0, 0, 334, 667, 1000]);
  });

  it('defaults the burst to the rate, and never exceeds rate × window + burst', async () => {
    const clock = fakeClock();
    const times = await sendTimes(new RateLimiter({ requestsPerSecond: 3 }, clock), clock, 30);
    const inFirstTenSeconds = times.filter((t) => t < 10_000).length;
    expect(inFirstTenSeconds).toBeLessThanOrEqual(3 * 10 + 3);
    expect(times[29]).toBeGreaterThanOrEqual(9_000);
  });

  it('holds every caller back after a Retry-After pause', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(false, clock);
    await limiter.acquire();
    limiter.pauseFor(2_000);
    await limiter.acquire();
    expect(clock.now()).toBe(2_000);
  });

  it('refuses a rate that is not a positive number', () => {
    expect(() => new RateLimiter({ requestsPerSecond: 0 })).toThrow(RangeError);
  });
});
