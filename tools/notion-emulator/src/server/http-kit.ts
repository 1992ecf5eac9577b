import type { IncomingMessage, ServerResponse } from 'node:http';
import { NotionError, validationError } from './notion-error';

const MAX_BODY_BYTES = 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw validationError('Request body is larger than 1 MB.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = (await readBody(req)).toString('utf8');
  if (raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw validationError('Error parsing JSON body.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw validationError('body failed validation: body should be an object.');
  }
  return parsed as Record<string, unknown>;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

/** A route: `pattern` captures path parameters; `endpoint` is the name requests are counted under. */
export interface Route<C> {
  method: 'GET' | 'POST';
  pattern: RegExp;
  endpoint: string;
  handle(ctx: C, params: string[], url: URL, req: IncomingMessage): Promise<unknown> | unknown;
}

export function matchRoute<C>(
  routes: readonly Route<C>[],
  method: string,
  pathname: string,
): { route: Route<C>; params: string[] } | { allowed: string[] } | undefined {
  const allowed: string[] = [];
  for (const route of routes) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    if (route.method === method) return { route, params: match.slice(1).map((param) => decodePathParam(param, pathname)) };
    allowed.push(route.method);
  }
  return allowed.length ? { allowed } : undefined;
}

/** A malformed `%` escape is a bad URL (400 invalid_request_url), not a server error. */
function decodePathParam(param: string, pathname: string): string {
  try {
    return decodeURIComponent(param);
  } catch {
    throw new NotionError(400, 'invalid_request_url', `Invalid request URL: malformed percent-encoding in ${pathname}`);
  }
}
