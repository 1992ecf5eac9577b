import { Injectable, Logger } from '@nestjs/common';
import type { SseSession, SseSink } from '@zmp-manual/job-events';
import type { Request, Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { SseConnectionsRegistry } from './sse-connections.registry';
import type { SseStreamKind } from './sse-connections.registry';
import { clientGone, openSseResponse } from './sse-response';

/**
 * Starts one SSE stream for a request that has passed its checks: takes a connection slot (429 before any
 * byte when a cap is reached), opens the response and runs the session on it. The slot is given back exactly
 * once, when the session is done (client gone, terminal state, shutdown, error).
 */
@Injectable()
export class SseStreamLauncher {
  private readonly logger = new Logger('Sse');

  constructor(private readonly registry: SseConnectionsRegistry) {}

  launch(kind: SseStreamKind, user: AuthUser, req: Request, res: Response, run: (sink: SseSink) => SseSession): void {
    const lease = this.registry.acquire(kind, user.username);
    if (clientGone(res)) return lease.release();
    let session: SseSession;
    try {
      openSseResponse(req, res);
      session = run(res);
    } catch (error) {
      lease.release();
      if (!res.headersSent) throw error;
      this.logger.error(`${kind} stream of ${user.username} could not start: ${describe(error)}`);
      res.end();
      return;
    }
    lease.attach(session);
    session.done.catch((error: unknown) => {
      this.logger.error(`${kind} stream of ${user.username} ended with an error: ${describe(error)}`);
    });
  }
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
