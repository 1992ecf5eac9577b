import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { ApiError, ValidationError } from './api-error';
import type { ValidationIssue } from './api-error';
import { errorStatusRow } from './error-status.table';

/** What the exception filter sends for an error, and what it logs. */
export interface ErrorReply {
  status: number;
  /** FastAPI's `detail`: a text, or the list of problems of a 422. */
  detail: string | ValidationIssue[];
  headers: Record<string, string>;
  /** A narrow code for the log line (`job_not_found`, `http_404`, `internal_error`). */
  code: string;
  /** Not an error anyone raised on purpose: the caller gets a generic 500, the log gets the stack. */
  unexpected: boolean;
}

export const INTERNAL_ERROR_DETAIL = 'Internal server error';

const statusText = (status: number) => STATUS_CODES[status] ?? 'Error';

/** Nest's router answers an unknown route with `Cannot GET /path`; FastAPI (the original) says `Not Found`. */
const ROUTER_NOT_FOUND = /^Cannot [A-Z]+ \//;

function httpExceptionReply(exception: HttpException): ErrorReply {
  const status = exception.getStatus();
  const response = exception.getResponse();
  let detail: string = statusText(status);
  if (typeof response === 'string') {
    detail = response;
  } else if (typeof response === 'object' && response !== null) {
    const { detail: given, message } = response as { detail?: unknown; message?: unknown };
    if (typeof given === 'string') detail = given;
    else if (typeof message === 'string') detail = message;
    else if (Array.isArray(message)) detail = message.map(String).join('; ');
  }
  if (status === 404 && ROUTER_NOT_FOUND.test(detail)) detail = 'Not Found';
  return { status, detail, headers: {}, code: `http_${status}`, unexpected: false };
}

/** A library error's code, when it has one (`code` is a string field, as in every library of this repo). */
function codeOf(exception: unknown): string | undefined {
  if (!(exception instanceof Error)) return undefined;
  // ioredis gives up on a command after its retries with this error (no `code`): Redis is down.
  if (exception.name === 'MaxRetriesPerRequestError') return 'redis_error';
  const code = (exception as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function libraryReply(exception: Error, code: string): ErrorReply | undefined {
  const row = errorStatusRow(code);
  if (!row) return undefined;
  const text = row.detail === 'message' ? exception.message : row.detail;
  const detail = row.loc ? [{ loc: row.loc, msg: text, type: 'value_error' }] : text;
  const headers: Record<string, string> = row.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(row.retryAfterSeconds) };
  return { status: row.status, detail, headers, code, unexpected: false };
}

/**
 * How an error becomes a response: `ApiError` → its status, detail and headers; `ValidationError` → 422 with
 * its problems; a Nest `HttpException` → its status (an unknown route is 404 `Not Found`); a library error →
 * the row of its `code` in errors/error-status.table.ts; anything else → 500 `Internal server error`.
 */
export function toErrorReply(exception: unknown): ErrorReply {
  if (exception instanceof ApiError) {
    return { status: exception.status, detail: exception.detail, headers: { ...exception.headers }, code: exception.code, unexpected: false };
  }
  if (exception instanceof ValidationError) {
    return { status: 422, detail: exception.issues, headers: {}, code: exception.code, unexpected: false };
  }
  if (exception instanceof HttpException) return httpExceptionReply(exception);
  const code = codeOf(exception);
  const reply = code === undefined ? undefined : libraryReply(exception as Error, code);
  return reply ?? { status: 500, detail: INTERNAL_ERROR_DETAIL, headers: {}, code: code ?? 'internal_error', unexpected: true };
}
