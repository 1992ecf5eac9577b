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

/** A clock for concurrent callers: `run()` moves time to the next wake-up until nobody sleeps. */
function virtualClock(): RateLimiterClock & { run(): Promise<void>; at(ms: number, task: () => void): void } {
  let t = 0;
  const timers: Array<{ at: number; wake: () => void }> = [];
  const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => t,
    sleep: (ms) => new Promise<void>((resolve) => timers.push({ at: t + ms, wake: resolve })),
    at: (ms, task) => timers.push({ at: ms, wake: task }),
    async run() {
      await flush();
      while (timers.length > 0) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift()!;
        t = Math.max(t, next.at);
        next.wake();
        await flush();
      }
    },
  };
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

  it('re-spaces callers that were waiting when a pause began, instead of releasing them together', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({ requestsPerSecond: 3, burst: 1 }, clock);
    const sent: number[] = [];
    const callers = [1, 2, 3, 4].map(() => limiter.acquire().then(() => sent.push(clock.now())));
    clock.at(100, () => limiter.pauseFor(2_000));
    await clock.run();
    await Promise.all(callers);
    // The first went out at once; the three that were waiting go after the pause, one per 1/3 s.
    expect(sent).toEqual([0, 2_100, 2_434, 2_767]);
  });

  it('refuses a rate that is not a positive number', () => {
    expect(() => new RateLimiter({ requestsPerSecond: 0 })).toThrow(expect.objectContaining({ code: 'invalid_options' }));
  });
});
