import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown } from '@nestjs/common';
import type { SseSession } from '@zmp-manual/job-events';
import { API_CONFIG } from '../api.tokens';
import type { ApiConfig, SseStats } from '../api.tokens';
import { ApiError } from '../errors/api-error';

export type SseStreamKind = 'watch' | 'notifications';

/** Seconds a client refused for a cap is told to wait (`Retry-After`). */
export const SSE_RETRY_AFTER_S = 5;
/** The longest shutdown waits for open sessions to end after closing them. */
const SHUTDOWN_WAIT_MS = 5_000;

/** One counted connection: released exactly once, when its session is done (or by hand before it starts). */
export interface SseLease {
  /** Ties the lease to its session: released when the session is done, closed at shutdown. */
  attach(session: SseSession): void;
  /** Gives the slot back; idempotent. */
  release(): void;
}

/**
 * The SSE connections of this process: the per-process (`SSE_MAX_CONNECTIONS`) and per-user
 * (`SSE_MAX_PER_USER`) caps, the live counts for the metrics (`SSE_STATS`), and closing every session when
 * the application shuts down so `app.close()` does not wait for clients that never hang up.
 */
@Injectable()
export class SseConnectionsRegistry implements SseStats, BeforeApplicationShutdown {
  private readonly logger = new Logger('SseConnections');
  private readonly sessions = new Map<SseLease, SseSession | null>();
  private readonly perUser = new Map<string, number>();
  private readonly perKind: Record<SseStreamKind, number> = { watch: 0, notifications: 0 };
  private shuttingDown = false;

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  /** Counts a new stream of `userId`; 429 when a cap is reached, 503 once shutdown has begun. */
  acquire(kind: SseStreamKind, userId: string): SseLease {
    if (this.shuttingDown) throw ApiError.unavailable('The server is shutting down; retry shortly', 'shutting_down');
    const { maxConnections, maxPerUser } = this.config.sse;
    if ((this.perUser.get(userId) ?? 0) >= maxPerUser) {
      throw ApiError.tooMany(`Too many open streams for this user (max ${maxPerUser}); close one and retry`, SSE_RETRY_AFTER_S, 'too_many_streams');
    }
    if (this.sessions.size >= maxConnections) {
      throw ApiError.tooMany(`Too many open streams on this server (max ${maxConnections}); retry shortly`, SSE_RETRY_AFTER_S, 'too_many_streams');
    }
    this.perUser.set(userId, (this.perUser.get(userId) ?? 0) + 1);
    this.perKind[kind] += 1;
    let released = false;
    const lease: SseLease = {
      attach: (session) => {
        if (released) return session.close();
        this.sessions.set(lease, session);
        const release = () => lease.release();
        session.done.then(release, release);
      },
      release: () => {
        if (released) return;
        released = true;
        this.sessions.delete(lease);
        this.perKind[kind] -= 1;
        const left = (this.perUser.get(userId) ?? 1) - 1;
        if (left > 0) this.perUser.set(userId, left);
        else this.perUser.delete(userId);
      },
    };
    this.sessions.set(lease, null);
    return lease;
  }

  open(): { watch: number; notifications: number } {
    return { ...this.perKind };
  }

  /** How many streams `userId` has open here. */
  openFor(userId: string): number {
    return this.perUser.get(userId) ?? 0;
  }

  /** Refuses new streams, closes every open one and waits (a bounded time) for them to end. */
  async beforeApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    const sessions = [...this.sessions.values()].filter((session): session is SseSession => session !== null);
    if (sessions.length === 0) return;
    for (const session of sessions) session.close();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), SHUTDOWN_WAIT_MS);
      timer.unref();
    });
    const ended = Promise.allSettled(sessions.map((session) => session.done)).then(() => 'ended' as const);
    const outcome = await Promise.race([ended, timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout') this.logger.warn(`${this.sessions.size} SSE session(s) had not ended ${SHUTDOWN_WAIT_MS} ms after shutdown began`);
  }
}
