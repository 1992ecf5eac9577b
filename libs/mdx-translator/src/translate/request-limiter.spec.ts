import { createRequestLimiter } from './request-limiter';

describe('createRequestLimiter', () => {
  it('never runs more than max tasks at once and runs them all', async () => {
    const limiter = createRequestLimiter(3);
    let active = 0;
    let peak = 0;
    const task = async (): Promise<number> => {
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active -= 1;
      return 1;
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => limiter.run(task)));
    expect(results).toHaveLength(10);
    expect(peak).toBe(3);
  });

  it('rejects a waiting task when its signal aborts, and frees nothing it did not hold', async () => {
    const limiter = createRequestLimiter(1);
    let release!: () => void;
    const holding = limiter.run(() => new Promise<void>((resolve) => (release = resolve)));
    const controller = new AbortController();
    const waiting = limiter.run(async () => 'ran', controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'aborted' });
    release();
    await holding;
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
  });

  it('refuses a limit below one', () => {
    expect(() => createRequestLimiter(0)).toThrow(expect.objectContaining({ code: 'invalid_options' }));
  });
});
