import type { PlaceholderMutation } from './placeholders';

/** A switch that affects the next `count` chat-completion requests. */
export interface CountedFault {
  count: number;
}

export interface RateLimitFault extends CountedFault {
  /** Value of the `retry-after` header, in seconds (default 1). */
  retryAfterSeconds?: number;
}

/**
 * Fault switches. Every counted switch hits the next `count` chat-completion requests (those that pass
 * authentication), then turns itself off. `delayMs` stays on until replaced.
 */
export interface FaultSwitches {
  /** Answer 429 `rate_limit_exceeded` with a `retry-after` header. */
  rateLimit?: RateLimitFault;
  /** Answer 429 `insufficient_quota` with no `retry-after` (retrying does not help). */
  insufficientQuota?: CountedFault;
  /** Answer 500 `server_error`. */
  serverError?: CountedFault;
  /** Answer 200 with `message.content: null` and `message.refusal` set (`finish_reason: 'stop'`). */
  refusal?: CountedFault;
  /** Answer 200 with `message.content: null` and `finish_reason: 'content_filter'`. */
  contentFilter?: CountedFault;
  /** Answer 200 with the content cut in half and `finish_reason: 'length'`. */
  truncate?: CountedFault;
  /** Answer 200 with the first placeholder of each translated text removed. */
  dropPlaceholder?: CountedFault;
  /** Answer 200 with the first placeholder of each translated text written twice. */
  duplicatePlaceholder?: CountedFault;
  /** Wait this long before answering a chat completion (the wait ends if the client goes away). */
  delayMs?: number;
}

/** What a request gets instead of an answer, if anything. */
export type Rejection =
  | { kind: 'rateLimit'; retryAfterSeconds: number }
  | { kind: 'insufficientQuota' }
  | { kind: 'serverError' };

/** How an answer is spoiled, if at all. */
export interface AnswerFaults {
  /** The answer is replaced by a refusal or blocked by the content filter. */
  block?: 'refusal' | 'contentFilter';
  truncate: boolean;
  mutation: PlaceholderMutation | undefined;
}

const COUNTED_KEYS = ['rateLimit', 'insufficientQuota', 'serverError', 'refusal', 'contentFilter', 'truncate', 'dropPlaceholder', 'duplicatePlaceholder'] as const;
type CountedKey = (typeof COUNTED_KEYS)[number];
const KNOWN_KEYS: readonly string[] = [...COUNTED_KEYS, 'delayMs'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonNegative(value: unknown, where: string, integer: boolean): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw new TypeError(`${where} must be a non-negative ${integer ? 'integer' : 'number'}`);
  }
  return value;
}

/** Checks untrusted input (a POST body, CLI JSON) and returns clean switches; throws a TypeError naming the field. */
export function parseFaultSwitches(input: unknown): FaultSwitches {
  if (!isRecord(input)) throw new TypeError('faults must be a JSON object');
  const unknownKey = Object.keys(input).find((key) => !KNOWN_KEYS.includes(key));
  if (unknownKey !== undefined) {
    throw new TypeError(`unknown fault switch "${unknownKey}" (known: ${KNOWN_KEYS.join(', ')})`);
  }
  const switches: FaultSwitches = {};
  for (const key of COUNTED_KEYS) {
    const value = input[key];
    if (value === undefined) continue;
    if (!isRecord(value)) throw new TypeError(`faults.${key} must be an object like {"count": 1}`);
    const count = nonNegative(value.count, `faults.${key}.count`, true);
    if (key === 'rateLimit') {
      const retryAfterSeconds =
        value.retryAfterSeconds === undefined ? 1 : nonNegative(value.retryAfterSeconds, 'faults.rateLimit.retryAfterSeconds', false);
      switches.rateLimit = { count, retryAfterSeconds };
    } else {
      switches[key] = { count };
    }
  }
  if (input.delayMs !== undefined) switches.delayMs = nonNegative(input.delayMs, 'faults.delayMs', false);
  return switches;
}

/** The live switches of one emulator: counts go down as requests consume them. */
export class FaultState {
  private counts: Record<CountedKey, number> = emptyCounts();
  private retryAfterSeconds = 1;
  private delay = 0;

  constructor(initial: FaultSwitches = {}) {
    this.set(initial);
  }

  /** Replaces every switch (a switch left out is off). */
  set(input: FaultSwitches): void {
    const switches = parseFaultSwitches(input);
    this.counts = emptyCounts();
    for (const key of COUNTED_KEYS) this.counts[key] = switches[key]?.count ?? 0;
    this.retryAfterSeconds = switches.rateLimit?.retryAfterSeconds ?? 1;
    this.delay = switches.delayMs ?? 0;
  }

  clear(): void {
    this.set({});
  }

  /** The switches still on, with their remaining counts. */
  snapshot(): FaultSwitches {
    const switches: FaultSwitches = {};
    for (const key of COUNTED_KEYS) {
      const count = this.counts[key];
      if (count === 0) continue;
      if (key === 'rateLimit') switches.rateLimit = { count, retryAfterSeconds: this.retryAfterSeconds };
      else switches[key] = { count };
    }
    if (this.delay > 0) switches.delayMs = this.delay;
    return switches;
  }

  get delayMs(): number {
    return this.delay;
  }

  /** Consumes one rejection (rate limit first, then insufficient quota, then server error), if one is pending. */
  takeRejection(): Rejection | undefined {
    if (this.take('rateLimit')) return { kind: 'rateLimit', retryAfterSeconds: this.retryAfterSeconds };
    if (this.take('insufficientQuota')) return { kind: 'insufficientQuota' };
    if (this.take('serverError')) return { kind: 'serverError' };
    return undefined;
  }

  /**
   * Consumes the answer faults of one successful answer: a refusal or content-filter block (which takes
   * nothing else), else truncation and one placeholder mutation (drop first).
   */
  takeAnswerFaults(): AnswerFaults {
    if (this.take('refusal')) return { block: 'refusal', truncate: false, mutation: undefined };
    if (this.take('contentFilter')) return { block: 'contentFilter', truncate: false, mutation: undefined };
    const truncate = this.take('truncate');
    const mutation = this.take('dropPlaceholder') ? 'drop' : this.take('duplicatePlaceholder') ? 'duplicate' : undefined;
    return { truncate, mutation };
  }

  private take(key: CountedKey): boolean {
    if (this.counts[key] === 0) return false;
    this.counts[key] -= 1;
    return true;
  }
}

function emptyCounts(): Record<CountedKey, number> {
  return { rateLimit: 0, insufficientQuota: 0, serverError: 0, refusal: 0, contentFilter: 0, truncate: 0, dropPlaceholder: 0, duplicatePlaceholder: 0 };
}
