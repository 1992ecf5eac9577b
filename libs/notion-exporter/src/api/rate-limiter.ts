import { sleep } from './abortable-sleep';

export interface RateLimitOptions {
  /** Average requests per second (Notion documents about 3). */
  requestsPerSecond: number;
  /** Requests allowed at once after an idle period. Default: `requestsPerSecond` rounded up. */
  burst?: number;
}

export interface RateLimiterClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const systemClock: RateLimiterClock = { now: () => Date.now(), sleep };

/**
 * One limiter shared by every Notion call of an export (and, when passed in, by several exports that
 * use the same integration token). A token bucket where each caller reserves its slot up front, so
 * concurrent callers are spaced out instead of racing; `pauseUntil` holds everyone back after a 429.
 */
export class RateLimiter {
  private tokens: number;
  private updatedAt: number;
  private pausedUntil = 0;
  private readonly perMs: number;
  private readonly burst: number;

  constructor(
    options: RateLimitOptions | false,
    private readonly clock: RateLimiterClock = systemClock,
  ) {
    if (options !== false && !(options.requestsPerSecond > 0 && Number.isFinite(options.requestsPerSecond))) {
      throw new RangeError(`rateLimit.requestsPerSecond must be a finite number > 0, got ${String(options.requestsPerSecond)}.`);
    }
    this.perMs = options === false ? Number.POSITIVE_INFINITY : options.requestsPerSecond / 1000;
    this.burst = options === false ? 1 : Math.max(1, Math.floor(options.burst ?? Math.ceil(options.requestsPerSecond)));
    this.tokens = this.burst;
    this.updatedAt = clock.now();
  }

  /** Resolves when the caller may send its request. */
  async acquire(signal?: AbortSignal): Promise<void> {
    const now = this.clock.now();
    let wait = Math.max(0, this.pausedUntil - now);
    if (Number.isFinite(this.perMs)) {
      this.tokens = Math.min(this.burst, this.tokens + (now - this.updatedAt) * this.perMs);
      this.updatedAt = now;
      this.tokens -= 1;
      if (this.tokens < 0) wait = Math.max(wait, -this.tokens / this.perMs);
    }
    if (wait > 0) await this.clock.sleep(Math.ceil(wait), signal);
    // A pause announced while this caller slept applies to it too.
    const late = this.pausedUntil - this.clock.now();
    if (late > 0) await this.clock.sleep(Math.ceil(late), signal);
  }

  /** Nobody sends before `ms` from now (a 429's Retry-After applies to every caller). */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
    if (Number.isFinite(this.perMs)) {
      // Restart the bucket empty after the pause: the server's own bucket is empty too.
      this.tokens = Math.min(this.tokens, 0);
      this.updatedAt = Math.max(this.updatedAt, this.pausedUntil);
    }
  }
}

/** A limiter to share between several exports that use the same Notion integration. */
export function createRateLimiter(options: RateLimitOptions | false = { requestsPerSecond: 3 }): RateLimiter {
  return new RateLimiter(options);
}
