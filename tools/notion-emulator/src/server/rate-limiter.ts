import { OptionsError } from './notion-error';

export interface RateLimitOptions {
  /** Average requests per second allowed (Notion documents about 3). */
  requestsPerSecond: number;
  /** How many requests may arrive at once before the average applies. */
  burst: number;
}

/** Validates rate limit options (possibly straight from a JSON body); `false` turns the limit off. */
export function checkRateLimitOptions(options: unknown): RateLimitOptions | false {
  if (options === false) return false;
  const o = (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>;
  const { requestsPerSecond, burst } = o;
  if (typeof requestsPerSecond !== 'number' || !(requestsPerSecond > 0) || !Number.isFinite(requestsPerSecond)) {
    throw new OptionsError(
      `rateLimit.requestsPerSecond must be a number > 0, got ${JSON.stringify(requestsPerSecond)} (turn the limit off with false, or {"enabled": false} over HTTP).`,
    );
  }
  if (typeof burst !== 'number' || !Number.isInteger(burst) || burst < 1) {
    throw new OptionsError(`rateLimit.burst must be an integer >= 1, got ${JSON.stringify(burst)}.`);
  }
  return { requestsPerSecond, burst };
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** A token bucket: `burst` tokens, refilled at `requestsPerSecond`. */
export class RateLimiter {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number,
  ) {
    this.tokens = options.burst;
    this.updatedAt = now();
  }

  take(): RateDecision {
    const now = this.now();
    const refill = ((now - this.updatedAt) / 1000) * this.options.requestsPerSecond;
    this.tokens = Math.min(this.options.burst, this.tokens + refill);
    this.updatedAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { allowed: true };
    }
    const secondsToNextToken = (1 - this.tokens) / this.options.requestsPerSecond;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(secondsToNextToken)) };
  }
}
