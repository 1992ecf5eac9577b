import { SSE_HEADERS } from '@zmp-manual/job-events';
import type { Request, Response } from 'express';

/** Whether the client of `res` has gone away already (its connection closed while we were checking the request). */
export function clientGone(res: Response): boolean {
  return res.socket === null || res.socket.destroyed || res.writableEnded;
}

/**
 * Turns `res` into an open SSE response: status 200 and job-events' `SSE_HEADERS` (set one by one, so headers
 * already set — CORS, helmet — stay), sent at once; no socket timeout and no Nagle delay for a long-lived,
 * chatty connection. The response is not compressed or buffered (no compression middleware is used).
 */
export function openSseResponse(req: Request, res: Response): void {
  res.status(200);
  for (const [name, value] of Object.entries(SSE_HEADERS)) res.setHeader(name, value);
  res.flushHeaders();
  req.socket.setTimeout(0);
  req.socket.setNoDelay(true);
}
