import { spawn } from 'node:child_process';
import type { ChildProcess, ChildProcessWithoutNullStreams } from 'node:child_process';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

export interface CgiContext {
  binary: string;
  /** Environment of every git process (see `gitEnvironment`). */
  env: Record<string, string>;
  /** `GIT_PROJECT_ROOT`: the directory holding the repositories. */
  projectRoot: string;
  /** Running backends, so `stop()` can end them. */
  children: Set<ChildProcess>;
}

export interface CgiRequest {
  pathInfo: string;
  query: string;
  remoteUser?: string;
}

const MAX_HEADER_BYTES = 64 * 1024;
const GIT_PROTOCOL = /^[A-Za-z0-9=:._-]{1,256}$/;

/** The CGI meta-variables of one request. Only validated or HTTP-defined values reach the backend. */
export function cgiEnvironment(context: CgiContext, request: CgiRequest, req: IncomingMessage): Record<string, string> {
  const env: Record<string, string> = {
    ...context.env,
    GIT_PROJECT_ROOT: context.projectRoot,
    GIT_HTTP_EXPORT_ALL: '1',
    GATEWAY_INTERFACE: 'CGI/1.1',
    PATH_INFO: request.pathInfo,
    QUERY_STRING: request.query,
    REQUEST_METHOD: req.method ?? 'GET',
    REMOTE_ADDR: req.socket.remoteAddress ?? '',
  };
  const contentType = header(req, 'content-type');
  const contentLength = header(req, 'content-length');
  const contentEncoding = header(req, 'content-encoding');
  const gitProtocol = header(req, 'git-protocol');
  if (contentType !== undefined) env['CONTENT_TYPE'] = contentType;
  if (contentLength !== undefined && /^\d+$/.test(contentLength)) env['CONTENT_LENGTH'] = contentLength;
  if (contentEncoding !== undefined) env['HTTP_CONTENT_ENCODING'] = contentEncoding;
  if (gitProtocol !== undefined && GIT_PROTOCOL.test(gitProtocol)) env['GIT_PROTOCOL'] = gitProtocol;
  if (request.remoteUser !== undefined) env['REMOTE_USER'] = request.remoteUser;
  return env;
}

export interface CgiOutcome {
  /** The HTTP status sent. */
  status: number;
  /** Bytes of request body handed to the backend (as sent, before any gzip decoding). */
  requestBytes: number;
  /** Exit code of git http-backend (null when it was killed or never ran). */
  exitCode: number | null;
  /** Last line git wrote to stderr, if any. */
  stderr: string;
}

export interface CgiObserver {
  /** Every chunk of the request body, as sent. */
  request?: (chunk: Buffer) => void;
  /** Every chunk of the response body (after the CGI head). */
  response?: (chunk: Buffer) => void;
}

/**
 * Runs `git http-backend` for one request: streams the request body to its stdin, turns the CGI header block
 * (`Status:` and the other headers) into the HTTP response head, and streams the rest of its stdout back.
 * Resolves once git has exited and all its output is written, WITHOUT ending a successful response: the caller
 * records what happened and then calls `res.end()`, so a client never sees its answer before the stats do.
 */
export function runHttpBackend(
  context: CgiContext,
  request: CgiRequest,
  req: IncomingMessage,
  res: ServerResponse,
  observer: CgiObserver = {},
): Promise<CgiOutcome> {
  return new Promise((resolve) => {
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(context.binary, ['http-backend'], {
        env: cgiEnvironment(context, request, req),
        stdio: ['pipe', 'pipe', 'pipe'],
      });
    } catch (error) {
      req.resume();
      const text = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('cannot run git http-backend\n');
      resolve({ status: 500, requestBytes: 0, exitCode: null, stderr: text });
      return;
    }
    const { stdin, stdout, stderr: stderrStream } = child as ChildProcessWithoutNullStreams;
    context.children.add(child);
    let head = Buffer.alloc(0);
    let status: number | undefined;
    let stderr = '';
    let requestBytes = 0;

    const fail = (code: number, message: string) => {
      if (status !== undefined || res.headersSent) {
        res.destroy();
        return;
      }
      status = code;
      res.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${message}\n`);
    };

    req.pipe(stdin);
    req.on('data', (chunk: Buffer) => {
      requestBytes += chunk.length;
      observer.request?.(chunk);
    });
    stdin.on('error', () => undefined);
    stderrStream.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-2000);
    });
    res.on('close', () => {
      const running = child.exitCode === null && child.signalCode === null;
      if (running && !res.writableFinished) child.kill('SIGTERM');
    });

    const body = (chunk: Buffer) => {
      observer.response?.(chunk);
      if (!res.write(chunk) && !res.destroyed) {
        stdout.pause();
        res.once('drain', () => stdout.resume());
      }
    };
    const onHead = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const parsed = parseCgiHead(head);
      if (parsed === undefined) {
        if (head.length > MAX_HEADER_BYTES) {
          stdout.off('data', onHead);
          child.kill('SIGTERM');
          fail(502, 'git http-backend sent an oversized header');
        }
        return;
      }
      stdout.off('data', onHead);
      status = parsed.status;
      res.writeHead(parsed.status, parsed.headers);
      if (parsed.body.length > 0) body(parsed.body);
      stdout.on('data', body);
    };
    stdout.on('data', onHead);

    child.on('error', () => fail(500, 'cannot run git http-backend'));
    child.on('close', (code) => {
      context.children.delete(child);
      if (status === undefined) fail(502, 'git http-backend failed');
      resolve({ status: status ?? 502, requestBytes, exitCode: code, stderr: lastLine(stderr) });
    });
  });
}

interface CgiHead {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

/** Splits a CGI response at its blank line; undefined while the header block is incomplete. */
export function parseCgiHead(buffer: Buffer): CgiHead | undefined {
  const crlf = buffer.indexOf('\r\n\r\n');
  const lf = buffer.indexOf('\n\n');
  const candidates = [
    crlf === -1 ? undefined : { end: crlf, skip: 4 },
    lf === -1 ? undefined : { end: lf, skip: 2 },
  ].filter((candidate) => candidate !== undefined);
  if (candidates.length === 0) return undefined;
  const { end, skip } = candidates.reduce((first, other) => (other.end < first.end ? other : first));

  let status = 200;
  const headers: OutgoingHttpHeaders = {};
  for (const line of buffer.subarray(0, end).toString('latin1').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') {
      const code = Number.parseInt(value, 10);
      if (code >= 100 && code <= 599) status = code;
      continue;
    }
    const existing = headers[name];
    headers[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [String(existing)]), value];
  }
  return { status, headers, body: buffer.subarray(end + skip) };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return lines[lines.length - 1] ?? '';
}
