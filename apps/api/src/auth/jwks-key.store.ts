import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { API_CONFIG } from '../api.tokens';
import type { ApiConfig } from '../api.tokens';
import { httpCall } from './http-call';
import { parseJwks } from './jwks-keys';
import type { VerificationKey } from './jwks-keys';

/** Timing of the JWKS cache (optional; the defaults when no module provides it — tests do, from a global module). */
export const JWKS_OPTIONS = Symbol('JWKS_OPTIONS');
export interface JwksOptions {
  /** An unknown kid refetches at most this often (default 30 s): key rotation works without a restart, a flood of bogus kids costs one fetch. */
  minRefetchIntervalMs?: number;
  /** While no key could ever be fetched, retry at most this often (default 5 s). */
  failedRetryMs?: number;
  /** Keys older than this are refetched on the next use (default 10 min), so a removed key stops verifying. */
  maxAgeMs?: number;
  /** Per fetch (default 5 s). */
  timeoutMs?: number;
  /** Milliseconds since the epoch (default `Date.now`). */
  now?: () => number;
}

/** No verification key could be fetched from `AUTH_JWKS_URL` yet: nothing can be verified (503, not the caller's fault). */
export class JwksUnavailableError extends Error {
  constructor() {
    super("The token issuer's keys (AUTH_JWKS_URL) could not be fetched");
    this.name = 'JwksUnavailableError';
  }
}

/**
 * The issuer's RS256 verification keys by kid, fetched from `AUTH_JWKS_URL` on first use and cached. An
 * unknown kid refetches (single flight, at most once per `minRefetchIntervalMs`); a failed fetch keeps the keys
 * there were.
 */
@Injectable()
export class JwksKeyStore {
  private readonly logger = new Logger('JwksKeyStore');
  private keys = new Map<string, VerificationKey>();
  private fetchedAt: number | null = null;
  private attemptedAt: number | null = null;
  private inflight: Promise<void> | null = null;
  private readonly minRefetchIntervalMs: number;
  private readonly failedRetryMs: number;
  private readonly maxAgeMs: number;
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Optional() @Inject(JWKS_OPTIONS) options: JwksOptions | null = null,
  ) {
    this.minRefetchIntervalMs = options?.minRefetchIntervalMs ?? 30_000;
    this.failedRetryMs = options?.failedRetryMs ?? 5_000;
    this.maxAgeMs = options?.maxAgeMs ?? 600_000;
    this.timeoutMs = options?.timeoutMs ?? 5_000;
    this.now = options?.now ?? Date.now;
  }

  /** The key for `kid`; `null` when the issuer does not publish it. Throws `JwksUnavailableError` when no key was ever fetched. */
  async get(kid: string): Promise<VerificationKey | null> {
    if (this.inflight !== null) await this.inflight;
    const stale = this.fetchedAt === null || this.now() - this.fetchedAt >= this.maxAgeMs;
    if (stale && this.mayFetch()) await this.refresh();
    if (!this.keys.has(kid) && this.mayFetch()) await this.refresh();
    const found = this.keys.get(kid);
    if (found !== undefined) return found;
    if (this.fetchedAt === null) throw new JwksUnavailableError();
    return null;
  }

  private mayFetch(): boolean {
    if (this.attemptedAt === null) return true;
    const interval = this.fetchedAt === null ? this.failedRetryMs : this.minRefetchIntervalMs;
    return this.now() - this.attemptedAt >= interval;
  }

  private refresh(): Promise<void> {
    this.inflight ??= this.load().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async load(): Promise<void> {
    const url = this.config.auth.jwksUrl;
    this.attemptedAt = this.now();
    if (url === null) return;
    try {
      const answer = await httpCall(url, { headers: { accept: 'application/json' }, timeoutMs: this.timeoutMs, tlsVerify: this.config.auth.tlsVerify });
      if (answer.status !== 200) throw new Error(`HTTP ${answer.status}`);
      this.keys = parseJwks(answer.body);
      this.fetchedAt = this.now();
      this.logger.log(`${this.keys.size} signing key(s) from ${url}: ${[...this.keys.keys()].join(', ')}`);
    } catch (error) {
      this.logger.warn(`could not fetch the JWKS from ${url} (${(error as Error).message}); ${this.keys.size} cached key(s) kept`);
    }
  }
}
