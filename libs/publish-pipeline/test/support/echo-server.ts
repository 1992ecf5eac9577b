/**
 * A host that answers every request with 401 and repeats the credentials it was sent in its error message, as
 * some proxies and misconfigured gateways do: what a run must mask before it shows a message. Its body has
 * both the Notion (`{object, code, message}`) and the OpenAI (`{error: {message, code}}`) error shapes.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EchoServer {
  url: string;
  stop(): Promise<void>;
}

export async function startEchoingServer(): Promise<EchoServer> {
  const server = createServer((request, response) => {
    request.resume();
    const message = `refused the credentials ${request.headers.authorization ?? '(none)'}`;
    response.writeHead(401, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ object: 'error', status: 401, code: 'unauthorized', message, error: { message, type: 'invalid_request_error', code: 'invalid_api_key' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
