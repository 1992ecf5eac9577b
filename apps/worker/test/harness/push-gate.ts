import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What happens to pushes: `request` — the first is held before the git server sees it (the push has not
 * happened); `response` — the first is held after the git server took it, before the worker hears back (the
 * push has happened); `refuse` — every push is answered 422 without reaching the git server.
 */
export type PushGateMode = 'request' | 'response' | 'refuse';

export interface PushGate {
  /** `http://127.0.0.1:<port>/<repo>.git`: the remote seen through the gate. */
  repoUrl(name: string): string;
  /** Resolves once the first push is held or refused; later requests pass straight through (except in `refuse` mode). */
  readonly held: Promise<void>;
  stop(): Promise<void>;
}

const isPush = (req: IncomingMessage) => req.method === 'POST' && /\/git-receive-pack$/.test(new URL(req.url ?? '/', 'http://gate').pathname);

async function body(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** One request to the git server, answered in full (status, headers, body). */
function forward(target: URL, req: IncomingMessage, payload: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host, 'content-length': String(payload.length) }, agent: false },
      (response) => void body(response).then((data) => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: data }), reject),
    );
    upstream.on('error', reject);
    upstream.end(payload);
  });
}

function answer(res: ServerResponse, answered: { status: number; headers: http.IncomingHttpHeaders; body: Buffer }): void {
  const headers = { ...answered.headers };
  delete headers['transfer-encoding'];
  res.writeHead(answered.status, { ...headers, 'content-length': String(answered.body.length) }).end(answered.body);
}

/**
 * An HTTP proxy in front of the git server that holds the first push for good (the worker that sent it is
 * to be killed meanwhile) — in `request` mode it is never forwarded; in `response` mode it is forwarded and
 * its answer never delivered — or refuses every push (`refuse`). Every other request passes through.
 */
export async function startPushGate(gitServerUrl: string, mode: PushGateMode): Promise<PushGate> {
  const target = new URL(gitServerUrl);
  let onHeld: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    onHeld = resolve;
  });
  let holding = false;
  const server = http.createServer((req, res) => {
    void (async () => {
      const payload = await body(req);
      if (mode === 'refuse' && isPush(req)) {
        onHeld();
        return void res.writeHead(422, { 'content-type': 'text/plain' }).end('push refused by the test gate');
      }
      const hold = isPush(req) && !holding;
      if (hold) holding = true;
      if (hold && mode === 'request') return onHeld();
      const answered = await forward(target, req, payload);
      if (hold) return onHeld();
      answer(res, answered);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    repoUrl: (name) => `http://127.0.0.1:${port}/${name}.git`,
    held,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
