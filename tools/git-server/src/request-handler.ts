import { WWW_AUTHENTICATE, authorize } from './auth';
import { runHttpBackend } from './cgi';
import { refUpdates } from './repositories';
import { parseRoute } from './route';
import type { AuthPolicy } from './auth';
import type { CgiContext } from './cgi';
import type { RepositoryStore } from './repositories';
import type { StatsRecorder } from './stats';
import type { GitService } from './types';
import type { IncomingMessage, ServerResponse } from 'node:http';

const FLUSH_PACKET = '0000';

export interface RequestHandlerContext {
  policy: AuthPolicy;
  store: RepositoryStore;
  cgi: CgiContext;
  stats: StatsRecorder;
  autoCreate: boolean;
  log?: (line: string) => void;
}

/**
 * One request: route (400/404/405), authenticate (401), find or create the repository (404), then bridge to
 * `git http-backend`. A receive-pack POST is bracketed by ref snapshots to tell accepted pushes from rejected ones.
 */
export function gitRequestHandler(context: RequestHandlerContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const started = Date.now();
    let service: GitService = 'invalid';
    let user: string | undefined;
    const finish = (status: number) => {
      context.stats.request(service, status);
      const path = (req.url ?? '').split('?')[0];
      context.log?.(`${req.method} ${path} ${service} ${status} ${user ?? '-'} ${Date.now() - started}ms`);
    };

    handle()
      .then(finish)
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (res.headersSent) res.destroy();
        else plain(res, 500, `git server error: ${message}`);
        finish(500);
      });

    async function handle(): Promise<number> {
      const route = parseRoute(req.method ?? 'GET', req.url ?? '/');
      if (!route.ok) return plain(res, route.status, route.reason);
      service = route.service;

      const access = route.service === 'receive-pack' ? 'write' : 'read';
      const decision = authorize(req.headers.authorization, context.policy, access);
      if (!decision.allowed) {
        res.setHeader('WWW-Authenticate', WWW_AUTHENTICATE);
        return plain(res, 401, 'authentication required');
      }
      user = decision.user;

      if (!(await context.store.exists(route.repository))) {
        if (!context.autoCreate) return plain(res, 404, 'repository not found');
        await context.store.ensure(route.repository);
      }

      const pushing = route.service === 'receive-pack' && req.method === 'POST';
      const before = pushing ? await context.store.refs(route.repository) : undefined;
      const { status, requestBytes } = await runHttpBackend(context.cgi, { ...route, remoteUser: user }, req, res);
      // The git CLI probes with a lone flush packet (`0000`) before a chunked push: that is no push attempt.
      if (before !== undefined && requestBytes > FLUSH_PACKET.length) {
        const updates = refUpdates(before, await context.store.refs(route.repository));
        context.stats.push({ repository: route.repository, user, updates });
      }
      return status;
    }
  };
}

function plain(res: ServerResponse, status: number, message: string): number {
  res.req.resume();
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' }).end(`${message}\n`);
  return status;
}
