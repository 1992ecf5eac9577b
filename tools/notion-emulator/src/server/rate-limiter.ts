export interface RateLimitOptions {
  /** Average requests per second allowed (Notion documents about 3). */
  requestsPerSecond: number;
  /** How many requests may arrive at once before the average applies. */
  burst: number;
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
