import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCallback {
  path: string;
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface CallbackReceiver {
  /** `whsec_<base64>`: give it to the worker as `CALLBACK_SECRET`. */
  readonly secret: string;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly received: ReceivedCallback[];
  stop(): Promise<void>;
}

/**
 * Checks a request the way a Standard Webhooks receiver does (written from the specification, not with the
 * worker's code): `v1,` + base64 HMAC-SHA256, keyed with the base64 bytes after `whsec_`, of
 * `<webhook-id>.<webhook-timestamp>.<raw body>`, one of the space-separated signatures matching, the
 * timestamp within five minutes.
 */
export function isSignedBy(secret: string, request: ReceivedCallback): boolean {
  const id = request.headers['webhook-id'];
  const timestamp = request.headers['webhook-timestamp'];
  const signatures = request.headers['webhook-signature'];
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signatures !== 'string') return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${request.body}`).digest();
  return signatures.split(' ').some((entry) => {
    const [version, value] = entry.split(',');
    const given = Buffer.from(value ?? '', 'base64');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** A build system's webhook endpoint on loopback: records every request and answers 204. */
export async function startCallbackReceiver(): Promise<CallbackReceiver> {
  const received: ReceivedCallback[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '/', method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    secret: `whsec_${randomBytes(24).toString('base64')}`,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
