import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attemptWebhook, judgeStatus } from './webhook-attempt';
import { verifyWebhook } from './webhook-signature';

const secret = `whsec_${randomBytes(24).toString('base64')}`;
const requests: { host: string | undefined; headers: IncomingHttpHeaders; body: string }[] = [];
let hang = false;
const server: Server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    requests.push({ host: req.headers.host, headers: req.headers, body: Buffer.concat(chunks).toString() });
    if (!hang) res.writeHead(202).end();
  });
});
let port: number;

beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => ((port = (server.address() as AddressInfo).port), resolve()))));
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const input = { body: '{"job_id":"j1"}', webhookId: 'msg_1', secret, allowPrivate: true, timeoutMs: 5_000 };

describe('one webhook attempt', () => {
  it('connects to the address it checked, not to what the host name resolves to later (DNS rebinding)', async () => {
    let lookups = 0;
    // `hooks.invalid` resolves nowhere for the system; our resolver answers once, with the local receiver.
    const resolve = async (host: string) => {
      lookups += 1;
      expect(host).toBe('hooks.invalid');
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const outcome = await attemptWebhook({ ...input, url: `http://hooks.invalid:${port}/hook?x=1`, resolve });
    expect(outcome).toMatchObject({ statusCode: 202, ok: true, error: null });
    expect(lookups).toBe(1);
    const last = requests.at(-1)!;
    expect(last.host).toBe(`hooks.invalid:${port}`);
    expect(verifyWebhook({ secret, headers: last.headers, body: last.body })).toEqual({ ok: true });
  });

  it('refuses a host when any of its addresses is private, before any request', async () => {
    const before = requests.length;
    const resolve = async () => [{ address: '93.184.215.14', family: 4 }, { address: '10.0.0.7', family: 4 }];
    const outcome = await attemptWebhook({ ...input, allowPrivate: false, url: `http://two-faced.invalid:${port}/`, resolve });
    expect(outcome).toMatchObject({ statusCode: null, ok: false, retry: false, error: 'forbidden_address: two-faced.invalid resolves to 10.0.0.7, private (10.0.0.0/8)' });
    const metadata = await attemptWebhook({ ...input, allowPrivate: false, url: 'http://169.254.169.254/latest/meta-data/' });
    expect(metadata.error).toBe('forbidden_address: 169.254.169.254 resolves to 169.254.169.254, link-local (169.254.0.0/16)');
    const v6 = await attemptWebhook({ ...input, allowPrivate: false, url: `http://[::1]:${port}/` });
    expect(v6.error).toContain('loopback (::1)');
    expect(requests.length).toBe(before);
  });

  it('gives up on a receiver that does not answer in time (retryable), and on a host that does not resolve (retryable)', async () => {
    hang = true;
    try {
      const outcome = await attemptWebhook({ ...input, timeoutMs: 200, url: `http://127.0.0.1:${port}/slow` });
      expect(outcome).toMatchObject({ statusCode: null, ok: false, retry: true, error: 'timeout: no answer within 200 ms' });
    } finally {
      hang = false;
    }
    const unresolvable = await attemptWebhook({ ...input, url: 'http://nowhere.invalid/', resolve: () => Promise.reject(Object.assign(new Error('nope'), { code: 'ENOTFOUND' })) });
    expect(unresolvable).toMatchObject({ ok: false, retry: true, error: 'unresolvable: nowhere.invalid does not resolve (ENOTFOUND)' });
    const refused = await attemptWebhook({ ...input, url: 'http://127.0.0.1:1/' });
    expect(refused).toMatchObject({ ok: false, retry: true, error: 'network_error: ECONNREFUSED' });
  });

  it('judges answers: 2xx delivered, 3xx retried, 408/429/5xx retried, other 4xx final', () => {
    expect(judgeStatus(200)).toEqual({ ok: true, error: null, retry: false });
    expect(judgeStatus(299).ok).toBe(true);
    expect(judgeStatus(302)).toEqual({ ok: false, error: 'redirect_not_followed: HTTP 302', retry: true });
    expect(judgeStatus(408).retry).toBe(true);
    expect(judgeStatus(429).retry).toBe(true);
    expect(judgeStatus(500).retry).toBe(true);
    expect(judgeStatus(400).retry).toBe(false);
    expect(judgeStatus(404).retry).toBe(false);
    expect(judgeStatus(410)).toEqual({ ok: false, error: 'http_error: HTTP 410', retry: false });
  });
});
