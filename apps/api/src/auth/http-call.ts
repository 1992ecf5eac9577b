import { request as plainRequest } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { request as tlsRequest } from 'node:https';

export interface HttpCallOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** The whole exchange, connect to last byte. */
  timeoutMs: number;
  /** `HTTP_CLIENT_SSL_VERIFY`: verify the server's certificate on https. */
  tlsVerify: boolean;
  /** Larger answers are refused (default 1 MiB). */
  maxBytes?: number;
}

export interface HttpAnswer {
  status: number;
  body: string;
}

/** The server could not be reached, did not answer in time, or answered too much. */
export class HttpCallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HttpCallError';
  }
}

function collect(response: IncomingMessage, maxBytes: number): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        response.destroy(new HttpCallError(`the answer is larger than ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    response.on('error', reject);
  });
}

/**
 * One small HTTP(S) exchange with node:http/https — Node's fetch cannot switch certificate checks per call —
 * for the issuer's JWKS and Keycloak's token endpoint. Rejects with `HttpCallError` on a network failure or a
 * timeout; any HTTP status resolves.
 */
export function httpCall(url: string, options: HttpCallOptions): Promise<HttpAnswer> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? tlsRequest : plainRequest;
  return new Promise((resolve, reject) => {
    const request = send(target, {
      method: options.method ?? 'GET',
      headers: { ...options.headers, ...(options.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(options.body)) }) },
      rejectUnauthorized: options.tlsVerify,
    });
    const timer = setTimeout(() => request.destroy(new HttpCallError(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    const fail = (error: unknown) => {
      clearTimeout(timer);
      reject(error instanceof HttpCallError ? error : new HttpCallError((error as Error).message));
    };
    request.on('response', (response) => {
      collect(response, options.maxBytes ?? 1024 * 1024).then((answer) => {
        clearTimeout(timer);
        resolve(answer);
      }, fail);
    });
    request.on('error', fail);
    request.end(options.body);
  });
}
