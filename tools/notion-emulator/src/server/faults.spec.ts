import type { FaultStatus } from './faults';
import { checkFaultOptions, FaultInjector } from './faults';
import { OptionsError } from './notion-error';

const statuses = (injector: FaultInjector, n: number) =>
  Array.from({ length: n }, () => injector.next()?.status ?? 200);

describe('FaultInjector', () => {
  it('fails exactly the queued requests, in order, with Notion error codes', () => {
    const injector = new FaultInjector({ next: [503, 500] });
    const first = injector.next();
    expect(first?.toJSON()).toMatchObject({ object: 'error', status: 503, code: 'service_unavailable' });
    expect(statuses(injector, 3)).toEqual([500, 200, 200]);
  });

  it('injects about `rate` of failures, the same ones for the same seed', () => {
    const a = statuses(new FaultInjector({ rate: 0.2, seed: 7 }), 1000);
    const b = statuses(new FaultInjector({ rate: 0.2, seed: 7 }), 1000);
    expect(a).toEqual(b);
    const failures = a.filter((s) => s !== 200).length;
    expect(failures).toBeGreaterThan(150);
    expect(failures).toBeLessThan(250);
    expect(new Set(a)).toEqual(new Set([200, 500, 502, 503]));
  });

  it('refuses a rate outside 0..1', () => {
    expect(() => new FaultInjector({ rate: 2 })).toThrow(/within 0..1/);
  });

  it('keeps its configuration when a new one is refused', () => {
    const injector = new FaultInjector({ next: [502] });
    expect(() => injector.configure({ rate: 2 })).toThrow(OptionsError);
    expect(() => injector.configure({ rate: 0.5, next: [404 as FaultStatus] })).toThrow(/faults\.next must be an array of 500, 502 or 503/);
    expect(statuses(injector, 3)).toEqual([502, 200, 200]);
  });

  it.each([
    [{ rate: Number.NaN }, /faults\.rate/],
    [{ rate: '0.5' }, /faults\.rate/],
    [{ statuses: [500, 200] }, /faults\.statuses/],
    [{ next: 503 }, /faults\.next/],
    [{ seed: 'x' }, /faults\.seed/],
    [[], /must be an object/],
  ])('refuses %j', (options, message) => {
    expect(() => checkFaultOptions(options)).toThrow(message);
  });
});
