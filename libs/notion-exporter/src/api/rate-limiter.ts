import { NotionExportError } from '../errors/export-error';
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
  /** Pauses announced so far: a waiter that sees this move re-queues after the pause. */
  private pauses = 0;
  private readonly perMs: number;
  private readonly burst: number;

  constructor(
    options: RateLimitOptions | false,
    private readonly clock: RateLimiterClock = systemClock,
  ) {
    if (options !== false && !(options.requestsPerSecond > 0 && Number.isFinite(options.requestsPerSecond))) {
      throw new NotionExportError('invalid_options', `rateLimit.requestsPerSecond must be a finite number > 0, got ${String(options.requestsPerSecond)}.`);
    }
    this.perMs = options === false ? Number.POSITIVE_INFINITY : options.requestsPerSecond / 1000;
    this.burst = options === false ? 1 : Math.max(1, Math.floor(options.burst ?? Math.ceil(options.requestsPerSecond)));
    this.tokens = this.burst;
    this.updatedAt = clock.now();
  }

  /** Resolves when the caller may send its request. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const paused = this.pausedUntil - this.clock.now();
      if (paused > 0) {
        await this.clock.sleep(Math.ceil(paused), signal);
        continue;
      }
      if (!Number.isFinite(this.perMs)) return;
      const now = this.clock.now();
      this.tokens = Math.min(this.burst, this.tokens + (now - this.updatedAt) * this.perMs);
      this.updatedAt = now;
      this.tokens -= 1;
      if (this.tokens >= 0) return;
      const pauses = this.pauses;
      // An abort while waiting leaves the slot unused (never handed to a later caller: that could overshoot).
      await this.clock.sleep(Math.ceil(-this.tokens / this.perMs), signal);
      // A pause announced while this caller waited cancelled its slot: it queues again after the pause,
      // spaced like everyone else, instead of every waiter firing at once when the pause ends.
      if (pauses === this.pauses) return;
    }
  }

  /** Nobody sends before `ms` from now (a 429's Retry-After applies to every caller). */
  pauseFor(ms: number): void {
    const until = this.clock.now() + ms;
    if (until <= this.pausedUntil) return;
    this.pausedUntil = until;
    this.pauses += 1;
    if (Number.isFinite(this.perMs)) {
      // The server's bucket is empty too: one request when the pause ends, then the average rate.
      this.tokens = Math.min(1, this.burst);
      this.updatedAt = until;
    }
  }
}

/** A limiter to share between several exports that use the same Notion integration. */
export function createRateLimiter(options: RateLimitOptions | false = { requestsPerSecond: 3 }): RateLimiter {
  return new RateLimiter(options);
}
