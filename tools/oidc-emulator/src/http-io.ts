import type { IncomingMessage, ServerResponse } from 'node:http';
import { bodyTooLarge, invalidRequest } from './errors';

const MAX_BODY_BYTES = 64 * 1024;

/** Reads the whole request body (at most 64 KiB). */
export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.pause();
        reject(bodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The form fields of an `application/x-www-form-urlencoded` body (what OAuth token requests send). */
export async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const body = await readBody(request);
  if (type !== 'application/x-www-form-urlencoded') {
    throw invalidRequest('Content-Type must be application/x-www-form-urlencoded');
  }
  return new URLSearchParams(body);
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'cache-control': 'no-store',
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

export function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { location, 'content-length': 0 });
  response.end();
}
