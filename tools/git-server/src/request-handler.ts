import { WWW_AUTHENTICATE, authorize } from './auth';
import { runHttpBackend } from './cgi';
import { PushCommandReader, ReportStatusReader } from './push-report';
import { parseRoute } from './route';
import type { AuthPolicy } from './auth';
import type { CgiContext } from './cgi';
import type { RepositoryStore } from './repositories';
import type { StatsRecorder } from './stats';
import type { GitService, RefUpdate } from './types';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RequestHandlerContext {
  policy: AuthPolicy;
  store: RepositoryStore;
  cgi: CgiContext;
  stats: StatsRecorder;
  autoCreate: boolean;
  log?: (line: string) => void;
  /** Requests being handled, so `stop()` can wait for them. */
  pending?: Set<Promise<void>>;
}

/**
 * One request: route (400/404/405), authenticate (401), find or create the repository (404), then bridge to
 * `git http-backend`. A receive-pack POST is judged per ref-update command from git's report-status. The stats
 * and the log line are recorded before the response ends, so a client never sees its answer before `stats()`.
 */
export function gitRequestHandler(context: RequestHandlerContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const started = Date.now();
    let service: GitService = 'invalid';
    let user: string | undefined;
    const path = (req.url ?? '').split('?')[0];
    const finish = (status: number) => {
      context.stats.request(service, status);
      context.log?.(`${req.method} ${path} ${service} ${status} ${user ?? '-'} ${Date.now() - started}ms`);
      if (!res.writableEnded && !res.destroyed) res.end();
    };

    const work = handle()
      .then(finish)
      .catch((error: unknown) => {
        // Internal details go to the log only, never into the response.
        context.log?.(`${req.method} ${path} error: ${oneLine(error instanceof Error ? error.message : String(error))}`);
        if (res.headersSent) res.destroy();
        else plain(res, 500, 'internal git server error');
        finish(500);
      });
    context.pending?.add(work);
    void work.finally(() => context.pending?.delete(work));

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
        // Only an authorised request creates a repository; an anonymous read of an unknown name is a 404.
        if (!context.autoCreate || decision.anonymous) return plain(res, 404, 'repository not found');
        await context.store.ensure(route.repository);
      }

      const pushing = route.service === 'receive-pack' && req.method === 'POST';
      const encoding = req.headers['content-encoding'];
      const commands = pushing ? new PushCommandReader(Array.isArray(encoding) ? encoding[0] : encoding) : undefined;
      let report: ReportStatusReader | undefined;
      const outcome = await runHttpBackend(context.cgi, { ...route, remoteUser: user }, req, res, {
        request: commands && ((chunk) => commands.write(chunk)),
        response:
          commands &&
          ((chunk) => {
            report ??= new ReportStatusReader(commands.sideBand);
            report.write(chunk);
          }),
      });
      if (outcome.exitCode !== 0 && outcome.stderr !== '') {
        context.log?.(`${req.method} ${path} git: ${oneLine(outcome.stderr)}`);
      }
      if (commands) {
        await commands.end();
        // A request without commands (the git CLI's `0000` probe before a chunked push) is no push attempt.
        if (commands.commands.length > 0) {
          const result = await judge(route.repository, commands, report);
          context.stats.push({ repository: route.repository, user, updates: result.updates }, result.accepted);
        }
      }
      return outcome.status;
    }
  };

  /**
   * Per command: git's `ok`/`ng` when it reported one; otherwise (no report-status asked for, or cut short)
   * whether the ref now points to the pushed value. Accepted when any command is `ok`; an `ok` that changes
   * nothing (old == new) is accepted but lists no update.
   */
  async function judge(
    repository: string,
    commands: PushCommandReader,
    report: ReportStatusReader | undefined,
  ): Promise<{ accepted: boolean; updates: RefUpdate[] }> {
    const unreported = commands.commands.some((command) => report?.statuses.get(command.ref) === undefined);
    const refs = unreported ? await context.store.refs(repository) : undefined;
    const updates: RefUpdate[] = [];
    let accepted = false;
    for (const command of commands.commands) {
      const status = report?.statuses.get(command.ref);
      const ok = status !== undefined ? status.ok : refs?.get(command.ref) === command.after;
      if (!ok) continue;
      accepted = true;
      if (command.before !== command.after) updates.push({ ref: command.ref, before: command.before, after: command.after });
    }
    return { accepted, updates };
  }
}

/** Writes the head and body of a short text answer; the handler ends the response after recording it. */
function plain(res: ServerResponse, status: number, message: string): number {
  res.req.resume();
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
  res.write(`${message}\n`);
  return status;
}

/** A log-safe single line: control characters replaced, length bounded. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x1f\x7f]+/g, ' ').trim().slice(0, 500);
}
