import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { REDIS } from '../api.tokens';

export type ReadinessBody = { status: 'ready'; checks: { redis: 'ok' } } | { status: 'unavailable'; checks: { redis: string } };

/** How long the readiness probe waits for Redis' PONG. */
export const READINESS_TIMEOUT_MS = 1_000;
const MAX_REASON_LENGTH = 120;

/** Whether this replica can serve: the shared Redis connection answers PING in time. */
@Injectable()
export class ReadinessService {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async check(): Promise<ReadinessBody> {
    const problem = await this.pingProblem();
    return problem === null ? { status: 'ready', checks: { redis: 'ok' } } : { status: 'unavailable', checks: { redis: problem } };
  }

  /**
   * `null` when Redis answered PONG in time, else a short reason (no URL, no password). While the connection
   * is not up no PING is sent: ioredis would queue it until Redis is back, and probes would pile up.
   */
  private async pingProblem(): Promise<string | null> {
    if (this.redis.status !== 'ready') return `not connected (${this.redis.status})`;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`no answer within ${READINESS_TIMEOUT_MS} ms`), READINESS_TIMEOUT_MS);
    });
    const ping = this.redis.ping().then(
      (reply) => (reply === 'PONG' ? null : `unexpected reply to PING`),
      (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, MAX_REASON_LENGTH),
    );
    try {
      return await Promise.race([ping, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
