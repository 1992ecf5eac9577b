import { Catch, Inject, Injectable, Logger } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { SECRET_REDACTOR } from '../api.tokens';
import type { SecretRedaction } from '../api.tokens';
import type { AuthUser } from '../auth/auth-user';
import { toErrorReply } from './error-reply';
import type { ErrorReply } from './error-reply';

/** The route pattern (`/api/manual/v1/downloads/:token`) when Express matched one, else the path: never the query (tickets). */
function whereOf(request: Request): string {
  const route = (request.route as { path?: unknown } | undefined)?.path;
  return typeof route === 'string' ? route : request.path;
}

/**
 * The API's one exception filter (registered globally by the security module): every error response is
 * FastAPI's `{"detail": …}` plus an `error_id` (uuid) that is also in the log line, so a user's report can be
 * matched with the server's log. An unexpected error is 500 `Internal server error`; its stack goes to the log
 * only, with the configured secrets masked. When the response has started already (an SSE stream), it is ended.
 */
@Catch()
@Injectable()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  constructor(@Inject(SECRET_REDACTOR) private readonly redactor: SecretRedaction) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { user?: AuthUser }>();
    const response = http.getResponse<Response>();
    const reply = toErrorReply(exception);
    const errorId = randomUUID();
    this.log(reply, errorId, request, exception);
    if (response.headersSent) {
      if (!response.writableEnded) response.end();
      return;
    }
    response.status(reply.status).set(reply.headers).json({ detail: reply.detail, error_id: errorId });
  }

  private log(reply: ErrorReply, errorId: string, request: Request & { user?: AuthUser }, exception: unknown): void {
    const detail = typeof reply.detail === 'string' ? reply.detail : reply.detail.map((issue) => `${issue.loc.join('.')}: ${issue.msg}`).join('; ');
    const user = request.user ? ` user=${request.user.username}` : '';
    let line = `${reply.status} ${reply.code} ${request.method} ${whereOf(request)}${user} error_id=${errorId}: ${detail}`;
    if (reply.unexpected) {
      const error = exception instanceof Error ? exception : new Error(String(exception));
      line += `\n${error.stack ?? `${error.name}: ${error.message}`}`;
      this.logger.error(this.redactor.redact(line));
    } else if (reply.status >= 500) {
      const cause = exception instanceof Error && exception.message !== detail ? ` (${exception.message})` : '';
      this.logger.error(this.redactor.redact(oneLine(line + cause)));
    } else {
      this.logger.warn(this.redactor.redact(oneLine(line)));
    }
  }
}

/** Caller-typed text (ids, values in messages) cannot start a forged log line: control characters are escaped. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}
