import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpCallError, httpCall } from './http-call';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const close = (server: Server) => new Promise((resolve) => server.close(resolve));

describe('httpCall', () => {
  it('posts a body and resolves any status', async () => {
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        response.writeHead(418, { 'content-type': 'text/plain' });
        response.end(`${request.method} ${request.headers['content-type']} ${body}`);
      });
    });
    const host = await listen(server);
    try {
      const answer = await httpCall(`http://${host}/x`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'héllo', timeoutMs: 2_000, tlsVerify: true });
      expect(answer).toEqual({ status: 418, body: 'POST text/plain héllo' });
    } finally {
      await close(server);
    }
  });

  it('gives up after the timeout, and on an answer larger than maxBytes', async () => {
    const server = createServer((request, response) => {
      if (request.url === '/big') response.end('x'.repeat(5_000));
      // otherwise: never answers
    });
    const host = await listen(server);
    try {
      await expect(httpCall(`http://${host}/slow`, { timeoutMs: 200, tlsVerify: true })).rejects.toThrow(new HttpCallError('no answer within 200 ms'));
      await expect(httpCall(`http://${host}/big`, { timeoutMs: 2_000, tlsVerify: true, maxBytes: 1_000 })).rejects.toBeInstanceOf(HttpCallError);
    } finally {
      server.closeAllConnections();
      await close(server);
    }
  });

  it('rejects with HttpCallError when nothing listens', async () => {
    const server = createServer();
    const host = await listen(server);
    await close(server);
    await expect(httpCall(`http://${host}/`, { timeoutMs: 2_000, tlsVerify: true })).rejects.toBeInstanceOf(HttpCallError);
  });

  describe('over https with a self-signed certificate', () => {
    let server: Server;
    let host: string;
    let dir: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'http-call-'));
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
      server = createTlsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_request, response) => response.end('{"keys":[]}'));
      host = await listen(server);
    });

    afterAll(async () => {
      await close(server);
      rmSync(dir, { recursive: true, force: true });
    });

    it('refuses it when TLS is verified (HTTP_CLIENT_SSL_VERIFY=true)', async () => {
      await expect(httpCall(`https://${host}/`, { timeoutMs: 2_000, tlsVerify: true })).rejects.toThrow(/self[- ]signed/i);
    });

    it('accepts it when verification is off', async () => {
      expect(await httpCall(`https://${host}/`, { timeoutMs: 2_000, tlsVerify: false })).toEqual({ status: 200, body: '{"keys":[]}' });
    });
  });
});
