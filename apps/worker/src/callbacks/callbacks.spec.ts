import { getQueueToken } from '@nestjs/bull';
import type { JobRecord } from '@zmp-manual/job-events';
import type { Queue } from 'bull';
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MaintenanceModule } from '../maintenance/maintenance.module';
import type { SideServicesApp } from '../maintenance/testing/side-services.testing';
import { deleteKeys, eventually, startSideServices } from '../maintenance/testing/side-services.testing';
import type { JobCallbacks } from '../worker.tokens';
import { JOB_CALLBACKS, MAINTENANCE_QUEUE } from '../worker.tokens';
import { verifyWebhook } from './webhook-signature';

const secret = `whsec_${randomBytes(32).toString('base64')}`;

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A build system's webhook endpoint on 127.0.0.1, with a behaviour per path. */
function startReceiver() {
  const received: Received[] = [];
  const hits = (path: string) => received.filter((r) => r.path === path);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body });
      const verdict = verifyWebhook({ secret, headers: req.headers, body });
      if (path === '/ok') res.writeHead(verdict.ok ? 204 : 401).end();
      else if (path === '/flaky') res.writeHead(hits('/flaky').length <= 2 ? 503 : 200).end('fine');
      else if (path === '/moved') res.writeHead(301, { location: '/moved-here' }).end();
      else if (path === '/other-secret') {
        const mine = verifyWebhook({ secret: `whsec_${randomBytes(32).toString('base64')}`, headers: req.headers, body });
        res.writeHead(mine.ok ? 204 : 401, { 'content-type': 'application/json' }).end(JSON.stringify(mine));
      } else res.writeHead(200).end();
    });
  });
  return {
    received,
    hits,
    start: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const receiver = startReceiver();
let base: string;
let side: SideServicesApp;
let callbacks: JobCallbacks;

beforeAll(async () => {
  base = await receiver.start();
  side = await startSideServices({
    imports: [MaintenanceModule.register()],
    config: { callbacks: { secret, allowPrivate: true, maxAttempts: 3, backoffMs: 20, timeoutMs: 5_000 } },
  });
  callbacks = side.app.get<JobCallbacks>(JOB_CALLBACKS);
});

afterAll(async () => {
  await side.close();
  await receiver.stop();
  await deleteKeys(side.config.keyPrefix);
});

let counter = 0;
/** A job that reached `completed`, as the publish processor hands it to JOB_CALLBACKS. */
async function finishedJob(): Promise<JobRecord> {
  const jobId = `cb-job-${++counter}`;
  await side.jobs.create({ job_id: jobId, notion_page_id: '1abb7135d33b80a79efff5ae2eaced37', solution: 'zcp', initiated_by: 'ann', title: 'Install', is_directory: false, parent_id: null, target_languages: ['ko'] });
  const { attempt } = await side.jobs.start(jobId, { worker: 'pod-1' });
  return side.jobs.update(jobId, { attempt, status: 'completed', message: 'Manual published successfully and pushed to GitHub', commits: { export: 'abc123' } });
}

const deliveries = async (jobId: string, count: number) => eventually(async () => {
  const record = await side.jobs.get(jobId);
  return record && record.callbacks.length >= count ? record.callbacks : undefined;
}, `${count} deliveries of ${jobId}`);

const maintenanceJobCounts = () => side.app.get<Queue>(getQueueToken(MAINTENANCE_QUEUE)).getJobCounts();

describe('outbound callbacks (Standard Webhooks) through the maintenance queue', () => {
  it('POSTs the job JSON signed so that the receiver verifies it, and records the delivery', async () => {
    const job = await finishedJob();
    await callbacks.schedule(job, `${base}/ok`);
    const [delivery] = await deliveries(job.job_id, 1);
    expect(delivery).toEqual({ url: `${base}/ok`, attempt: 1, at: expect.stringMatching(/Z$/), status_code: 204, ok: true, error: null, duration_ms: expect.any(Number), webhook_id: expect.stringMatching(/^msg_[0-9a-f]{32}$/) });

    const [request] = receiver.hits('/ok');
    expect(verifyWebhook({ secret, headers: request.headers, body: request.body })).toEqual({ ok: true });
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['webhook-id']).toBe(delivery.webhook_id);
    expect(Number(request.headers['webhook-timestamp'])).toBe(Math.floor(Date.parse(delivery.at) / 1000));
    const body = JSON.parse(request.body) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual([
      'job_id', 'status', 'message', 'total_progress', 'failure_reason', 'export_progress', 'translation_progress', 'export_files', 'notion_page_id', 'solution', 'initiated_by', 'title', 'is_directory', 'parent_id',
      'created_at', 'started_at', 'finished_at', 'updated_at', 'attempt', 'counters', 'commits', 'artifact', 'failure', 'target_languages', 'cancel_requested_at',
    ]);
    expect(body).toMatchObject({ job_id: job.job_id, status: 'completed', total_progress: 100, commits: { export: 'abc123' }, finished_at: job.finished_at });
    expect(request.body).not.toContain(secret.slice(6));
    // The job's state is untouched by the delivery.
    expect((await side.jobs.get(job.job_id))!.status).toBe('completed');
  });

  it('retries a failing receiver with back-off: three attempts recorded under one webhook-id, one delivery', async () => {
    const job = await finishedJob();
    await callbacks.schedule(job, `${base}/flaky`.replace('http://', 'http://ci:t0ken@'));
    const recorded = await deliveries(job.job_id, 3);
    expect(recorded.map((d) => [d.attempt, d.status_code, d.ok])).toEqual([[1, 503, false], [2, 503, false], [3, 200, true]]);
    expect(recorded[0].error).toBe('http_error: HTTP 503');
    expect(new Set(recorded.map((d) => d.webhook_id)).size).toBe(1);
    expect(recorded.map((d) => d.url)).toEqual([`${base}/flaky`, `${base}/flaky`, `${base}/flaky`]);
    const requests = receiver.hits('/flaky');
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((r) => r.headers['webhook-id']))).toEqual(new Set([recorded[0].webhook_id]));
    expect(new Set(requests.map((r) => r.body)).size).toBe(1);
    for (const r of requests) expect(verifyWebhook({ secret, headers: r.headers, body: r.body }).ok).toBe(true);
    // The userinfo was dropped at enqueue: never sent as credentials.
    expect(requests.every((r) => r.headers.authorization === undefined)).toBe(true);
  });

  it('does not follow a redirect: each 301 is a failed attempt and the Location is never called', async () => {
    const job = await finishedJob();
    await callbacks.schedule(job, `${base}/moved`);
    const recorded = await deliveries(job.job_id, 3);
    expect(recorded.map((d) => [d.attempt, d.status_code, d.ok, d.error])).toEqual([
      [1, 301, false, 'redirect_not_followed: HTTP 301'],
      [2, 301, false, 'redirect_not_followed: HTTP 301'],
      [3, 301, false, 'redirect_not_followed: HTTP 301'],
    ]);
    expect(receiver.hits('/moved')).toHaveLength(3);
    expect(receiver.hits('/moved-here')).toHaveLength(0);
  });

  it('lets the receiver detect a signature made with another secret, and gives up at once on its 4xx', async () => {
    const job = await finishedJob();
    await callbacks.schedule(job, `${base}/other-secret`.replace('http://', 'http://ci:t0ken@'));
    const [delivery] = await deliveries(job.job_id, 1);
    expect(delivery).toMatchObject({ attempt: 1, status_code: 401, ok: false, error: 'http_error: HTTP 401' });
    const [request] = receiver.hits('/other-secret');
    expect(verifyWebhook({ secret: `whsec_${randomBytes(32).toString('base64')}`, headers: request.headers, body: request.body })).toEqual({ ok: false, reason: 'signature_mismatch' });
    expect(verifyWebhook({ secret, headers: request.headers, body: request.body })).toEqual({ ok: true });
    const queue = side.app.get<Queue>(getQueueToken(MAINTENANCE_QUEUE));
    const failed = await eventually(async () => (await queue.getFailed()).find((j) => j.data.job_id === job.job_id), 'the discarded delivery to fail');
    // Bull keeps the failed job's data: no userinfo in it.
    expect(failed.data.url).toBe(`${base}/other-secret`);
    expect(JSON.stringify(failed.data)).not.toContain('t0ken');
    expect(receiver.hits('/other-secret')).toHaveLength(1);
    expect((await side.jobs.get(job.job_id))!.callbacks).toHaveLength(1);
  });

  describe('with private targets not allowed', () => {
    beforeAll(() => {
      side.config.callbacks.allowPrivate = false;
    });
    afterAll(() => {
      side.config.callbacks.allowPrivate = true;
    });

    it.each([
      ['127.0.0.1', (port: string) => `http://127.0.0.1:${port}/ok`, 'loopback (127.0.0.0/8)'],
      ['localhost', (port: string) => `http://localhost:${port}/ok`, 'loopback'],
      ['an IPv4-mapped IPv6 literal', (port: string) => `http://[::ffff:127.0.0.1]:${port}/ok`, 'IPv4-mapped 127.0.0.1'],
      ['a decimal IPv4 host', (port: string) => `http://2130706433:${port}/ok`, 'loopback'],
    ])('refuses %s without making a request, once, and records why', async (_name, target, range) => {
      const before = receiver.received.length;
      const job = await finishedJob();
      const port = new URL(base).port;
      await callbacks.schedule(job, target(port));
      const [delivery] = await deliveries(job.job_id, 1);
      expect(delivery).toMatchObject({ attempt: 1, status_code: null, ok: false });
      expect(delivery.error).toMatch(/^forbidden_address: /);
      expect(delivery.error).toContain(range);
      await eventually(async () => (await maintenanceJobCounts()).active === 0, 'the refused delivery to end');
      expect((await side.jobs.get(job.job_id))!.callbacks).toHaveLength(1);
      expect(receiver.received.length).toBe(before);
    });
  });

  it('refuses to queue without a secret or with a URL that is not http(s): a log line and a recorded error, no request', async () => {
    const before = receiver.received.length;
    side.config.callbacks.secret = null;
    try {
      const job = await finishedJob();
      await callbacks.schedule(job, `${base}/ok`);
      expect((await side.jobs.get(job.job_id))!.callbacks).toEqual([
        { url: `${base}/ok`, attempt: 0, at: expect.any(String), status_code: null, ok: false, error: 'no_secret: CALLBACK_SECRET is not set, so the callback cannot be signed', duration_ms: 0, webhook_id: expect.any(String) },
      ]);
    } finally {
      side.config.callbacks.secret = secret;
    }
    const other = await finishedJob();
    await callbacks.schedule(other, 'ftp://user:pw@files.example/done');
    expect((await side.jobs.get(other.job_id))!.callbacks).toEqual([expect.objectContaining({ url: 'ftp://files.example/done', attempt: 0, error: 'unsupported_scheme: ftp: is not http or https' })]);
    expect(receiver.received.length).toBe(before);
  });
});
