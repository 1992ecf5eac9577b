import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { CallbackError } from './callback.errors';
import type { CallbackTarget } from './callback-target';

export interface WebhookPost {
  target: CallbackTarget;
  headers: Record<string, string>;
  body: string;
  /** For the whole exchange, answer included. */
  timeoutMs: number;
}

/** The most of an answer's body we read (and drop); the status is all a delivery needs. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * POSTs once to the checked address: the connection's DNS lookup is pinned to `target.address` (TLS still
 * verifies the host name), no agent pool is shared, and no redirect is followed (Node's client never does).
 * Resolves with the status code; rejects with `CallbackError` `timeout` or `network_error`.
 */
export function postWebhook(post: WebhookPost): Promise<number> {
  const { url, address, family } = post.target;
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<number>((resolve, reject) => {
    let settled = false;
    const finish = (error: CallbackError | null, status = 0) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      if (error) reject(error);
      else resolve(status);
    };
    const request = client.request(
      {
        method: 'POST',
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        headers: { ...post.headers, 'content-length': String(Buffer.byteLength(post.body)) },
        lookup: pinned,
        agent: false,
      },
      (response) => {
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) finish(null, response.statusCode ?? 0);
        });
        response.on('end', () => finish(null, response.statusCode ?? 0));
        response.on('error', (error) => finish(new CallbackError('network_error', error.message)));
      },
    );
    const timer = setTimeout(() => finish(new CallbackError('timeout', `no answer within ${post.timeoutMs} ms`)), post.timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => finish(new CallbackError('network_error', error.code ?? error.message)));
    request.end(post.body);
  });
}
