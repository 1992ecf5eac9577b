import { FaultState, parseFaultSwitches } from './faults';

describe('parseFaultSwitches', () => {
  it('accepts every switch and fills in the default retry-after', () => {
    expect(
      parseFaultSwitches({
        rateLimit: { count: 2 },
        serverError: { count: 1 },
        truncate: { count: 3 },
        dropPlaceholder: { count: 1 },
        duplicatePlaceholder: { count: 0 },
        delayMs: 5,
      }),
    ).toEqual({
      rateLimit: { count: 2, retryAfterSeconds: 1 },
      serverError: { count: 1 },
      truncate: { count: 3 },
      dropPlaceholder: { count: 1 },
      duplicatePlaceholder: { count: 0 },
      delayMs: 5,
    });
  });

  it('keeps a fractional retry-after', () => {
    expect(parseFaultSwitches({ rateLimit: { count: 1, retryAfterSeconds: 0.25 } })).toEqual({
      rateLimit: { count: 1, retryAfterSeconds: 0.25 },
    });
  });

  it.each([
    [[], 'faults must be a JSON object'],
    [null, 'faults must be a JSON object'],
    [{ rateLimt: { count: 1 } }, 'unknown fault switch "rateLimt"'],
    [{ serverError: 1 }, 'faults.serverError must be an object'],
    [{ truncate: { count: -1 } }, 'faults.truncate.count must be a non-negative integer'],
    [{ truncate: { count: 1.5 } }, 'faults.truncate.count must be a non-negative integer'],
    [{ truncate: {} }, 'faults.truncate.count must be a non-negative integer'],
    [{ rateLimit: { count: 1, retryAfterSeconds: '2' } }, 'faults.rateLimit.retryAfterSeconds'],
    [{ delayMs: -5 }, 'faults.delayMs must be a non-negative number'],
  ])('refuses %j naming the field', (input, message) => {
    expect(() => parseFaultSwitches(input)).toThrow(TypeError);
    expect(() => parseFaultSwitches(input)).toThrow(message);
  });
});

describe('FaultState', () => {
  it('is off by default', () => {
    const state = new FaultState();
    expect(state.snapshot()).toEqual({});
    expect(state.takeRejection()).toBeUndefined();
    expect(state.takeAnswerFaults()).toEqual({ truncate: false, mutation: undefined });
    expect(state.delayMs).toBe(0);
  });

  it('hits exactly the next `count` requests, then turns the switch off', () => {
    const state = new FaultState({ serverError: { count: 2 } });
    expect(state.takeRejection()).toEqual({ kind: 'serverError' });
    expect(state.snapshot()).toEqual({ serverError: { count: 1 } });
    expect(state.takeRejection()).toEqual({ kind: 'serverError' });
    expect(state.takeRejection()).toBeUndefined();
    expect(state.snapshot()).toEqual({});
  });

  it('answers a rate limit (with its retry-after) before a server error', () => {
    const state = new FaultState({ serverError: { count: 1 }, rateLimit: { count: 1, retryAfterSeconds: 7 } });
    expect(state.takeRejection()).toEqual({ kind: 'rateLimit', retryAfterSeconds: 7 });
    expect(state.takeRejection()).toEqual({ kind: 'serverError' });
    expect(state.takeRejection()).toBeUndefined();
  });

  it('spoils an answer with truncation and one placeholder mutation, drop first', () => {
    const state = new FaultState({ truncate: { count: 1 }, dropPlaceholder: { count: 1 }, duplicatePlaceholder: { count: 1 } });
    expect(state.takeAnswerFaults()).toEqual({ truncate: true, mutation: 'drop' });
    expect(state.takeAnswerFaults()).toEqual({ truncate: false, mutation: 'duplicate' });
    expect(state.takeAnswerFaults()).toEqual({ truncate: false, mutation: undefined });
  });

  it('keeps the delay until it is replaced', () => {
    const state = new FaultState({ delayMs: 20 });
    state.takeRejection();
    state.takeAnswerFaults();
    expect(state.delayMs).toBe(20);
    expect(state.snapshot()).toEqual({ delayMs: 20 });
  });

  it('replaces every switch on set, and clear turns them all off', () => {
    const state = new FaultState({ truncate: { count: 5 }, delayMs: 3 });
    state.set({ rateLimit: { count: 1 } });
    expect(state.snapshot()).toEqual({ rateLimit: { count: 1, retryAfterSeconds: 1 } });
    state.clear();
    expect(state.snapshot()).toEqual({});
  });

  it('refuses bad switches on set and keeps the previous ones', () => {
    const state = new FaultState({ truncate: { count: 1 } });
    expect(() => state.set({ truncate: { count: -1 } })).toThrow(TypeError);
    expect(state.snapshot()).toEqual({ truncate: { count: 1 } });
  });
});
