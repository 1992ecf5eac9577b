import { getQueueToken } from '@nestjs/bull';
import type { ArtifactStore, JobRecord, JobStore } from '@zmp-manual/job-events';
import { PUBLISH_QUEUE } from '@zmp-manual/queue-contract';
import type { Queue } from 'bull';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { API_CONFIG, ARTIFACT_STORE, JOB_STORE } from '../api.tokens';
import { as, problem, startApiTestApp, testConfig } from '../testing/api-test-app';
import type { ApiTestApp } from '../testing/api-test-app';
import { signDownloadToken } from './download-link';
import { JobsModule } from './jobs.module';

// The jobs routes in-process over the real Redis and Bull, behind the real authentication and exception filter.
const PAGE = '1abb7135d33b80a79efff5ae2eaced37';
const PAGE_DASHED = '1abb7135-d33b-80a7-9eff-f5ae2eaced37';
let api: ApiTestApp;
let jobs: JobStore;
let artifacts: ArtifactStore;
let queue: Queue;

beforeAll(async () => {
  const config = testConfig('api-jobs', {
    ZCP_ROOT_PAGE_ID: randomUUID(),
    TARGET_LANGUAGES: 'ko,ja',
    DOWNLOAD_SIGNING_SECRET: 'a-download-signing-secret-of-32-chars',
  });
  api = await startApiTestApp(config, { imports: [JobsModule] });
  jobs = api.app.get(JOB_STORE);
  artifacts = api.app.get(ARTIFACT_STORE);
  queue = api.app.get(getQueueToken(PUBLISH_QUEUE));
  expect(api.app.get(API_CONFIG)).toBe(config);
});

afterAll(() => api?.close());

/** `user` is `<name>[,<role>…]` (roles `publisher`, `admin`). */
const asRoles = (user: string) => {
  const [name, ...roles] = user.split(',');
  return as(name, ...(roles as Array<'publisher' | 'admin'>));
};
const call = (method: string, path: string, user?: string, body?: unknown) =>
  fetch(`${api.base}${path}`, {
    method,
    redirect: 'manual',
    headers: { ...(user ? asRoles(user) : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const json = async (res: Response) => (await res.json()) as Record<string, unknown>;
const publish = async (user: string, body: Record<string, unknown> = {}) => {
  const res = await call('POST', '/publish', `${user},publisher`, { notion_page_id: PAGE, selected_solution: 'zcp', ...body });
  expect(res.status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 2)); // one job per millisecond: "newest first" is well defined
  return ((await res.json()) as { job_id: string }).job_id;
};
const jobCount = async () => (await jobs.list({ size: 1000 })).total;

const ORIGINAL_KEYS = ['job_id', 'status', 'message', 'total_progress', 'failure_reason', 'export_progress', 'translation_progress', 'export_files', 'notion_page_id', 'solution', 'initiated_by', 'title', 'is_directory', 'parent_id'];
const OUR_KEYS = ['created_at', 'started_at', 'finished_at', 'updated_at', 'worker', 'attempt', 'counters', 'commits', 'artifact', 'failure', 'target_languages', 'cancel_requested_at'];

describe('POST /publish', () => {
  it('answers {"job_id"} after creating the queued record and the Bull job with the v1 payload', async () => {
    const res = await call('POST', '/publish', 'ann,publisher', { notion_page_id: `https://www.notion.so/acme/Install-${PAGE}`, selected_solution: 'zcp', title: 'install', is_directory: false, parent_id: 'p0', frontend_extra: 1 });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(Object.keys(body)).toEqual(['job_id']);
    const jobId = body.job_id as string;
    expect(jobId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    expect(await jobs.get(jobId)).toMatchObject({ status: 'queued', message: 'Queued for publication', initiated_by: 'ann', notion_page_id: PAGE_DASHED, solution: 'zcp', title: 'install', is_directory: false, parent_id: 'p0', target_languages: ['ko', 'ja'], attempt: 0 });
    const bullJob = await queue.getJob(jobId);
    expect(await bullJob?.getState()).toBe('waiting');
    expect(bullJob?.data).toEqual({
      version: 1,
      job_id: jobId,
      notion_page_id: PAGE_DASHED,
      solution: 'zcp',
      target_languages: ['ko', 'ja'],
      title: 'install',
      is_directory: false,
      parent_id: 'p0',
      initiated_by: 'ann',
      requested_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });

    const view = await call('GET', `/jobs/${jobId}`, 'ann');
    expect(view.status).toBe(200);
    const job = await json(view);
    expect(Object.keys(job)).toEqual([...ORIGINAL_KEYS, ...OUR_KEYS, 'log']);
    expect(job).toMatchObject({ job_id: jobId, status: 'queued', message: 'Queued for publication', total_progress: 0, failure_reason: null, export_files: 0, initiated_by: 'ann', artifact: null, log: [], target_languages: ['ko', 'ja'] });
  });

  it('needs the publisher role', async () => {
    const before = await jobCount();
    const res = await call('POST', '/publish', 'ann', { notion_page_id: PAGE, selected_solution: 'zcp' });
    expect(res.status).toBe(403);
    expect(await jobCount()).toBe(before);
  });

  it('answers bad input with 422 FastAPI-style and creates nothing', async () => {
    const before = await jobCount();
    const cases: [unknown, unknown][] = [
      [{ notion_page_id: 'not-a-page', selected_solution: 'zcp' }, [{ loc: ['body', 'notion_page_id'], msg: 'notion_page_id must be a Notion page id (32 hex digits, dashes optional) or a notion.so page URL', type: 'value_error' }]],
      [{ notion_page_id: PAGE, selected_solution: 'apim' }, [{ loc: ['body', 'selected_solution'], msg: 'selected_solution must be one of: zcp', type: 'value_error' }]],
      [{ notion_page_id: PAGE, selected_solution: 'zcp', target_languages: ['ko', 'xx'] }, [{ loc: ['body', 'target_languages', 1], msg: "unsupported language 'xx'; supported: ko, ja", type: 'value_error' }]],
      [{ notion_page_id: PAGE, selected_solution: 'zcp', callback_url: 'https://hooks.example.com/' }, [{ loc: ['body', 'callback_url'], msg: 'callback_url needs CALLBACK_SECRET to be configured', type: 'value_error' }]],
      [[1, 2], [{ loc: ['body'], msg: 'the body must be a JSON object', type: 'type_error' }]],
    ];
    for (const [body, detail] of cases) {
      const res = await call('POST', '/publish', 'ann,publisher', body);
      expect(res.status).toBe(422);
      expect(await res.json()).toEqual(problem(detail));
    }
    const empty = await call('POST', '/publish', 'ann,publisher');
    expect(empty.status).toBe(422);
    expect(await jobCount()).toBe(before);
  });

  it('fails the record and answers 503 when the queue cannot take the job', async () => {
    const add = jest.spyOn(queue, 'add').mockRejectedValueOnce(new Error('Connection is closed.'));
    try {
      const res = await call('POST', '/publish', 'quinn,publisher', { notion_page_id: PAGE, selected_solution: 'zcp' });
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual(problem('Could not queue the job: Redis unavailable'));
    } finally {
      add.mockRestore();
    }
    const [record] = (await jobs.list({ initiatedBy: 'quinn' })).items;
    expect(record).toMatchObject({ status: 'failed', failure_reason: 'unknown_error', message: 'Could not queue the job: Redis unavailable' });
    expect(await queue.getJob(record.job_id)).toBeNull();
  });
});

describe('GET /jobs and /jobs/{id}', () => {
  it('shows users their own jobs only, newest first; admins everyone’s or one user’s', async () => {
    const carol = [await publish('carol'), await publish('carol'), await publish('carol')];
    const dave = await publish('dave');

    const own = await call('GET', '/jobs', 'carol');
    expect(own.status).toBe(200);
    expect(own.headers.get('x-total-count')).toBe('3');
    const items = (await own.json()) as Record<string, unknown>[];
    expect(items.map((j) => j.job_id)).toEqual([...carol].reverse());
    expect(Object.keys(items[0])).toEqual([...ORIGINAL_KEYS, ...OUR_KEYS]); // no log in lists

    const limited = await call('GET', '/jobs?limit=1&status=queued', 'carol');
    expect(((await limited.json()) as Record<string, unknown>[]).map((j) => j.job_id)).toEqual([carol[2]]);
    expect(limited.headers.get('x-total-count')).toBe('3');

    const paged = await call('GET', '/jobs?page=2&size=2', 'carol');
    const page = await json(paged);
    expect(Object.keys(page)).toEqual(['items', 'total', 'page', 'size']);
    expect(page).toMatchObject({ total: 3, page: 2, size: 2 });
    expect((page.items as Record<string, unknown>[]).map((j) => j.job_id)).toEqual([carol[0]]);
    expect(paged.headers.get('x-total-count')).toBe('3');

    const other = await call('GET', `/jobs/${carol[0]}`, 'dave');
    expect(other.status).toBe(403);
    expect(await other.json()).toEqual(problem('Not authorized to view this job'));
    expect((await call('GET', `/jobs/${carol[0]}`, 'root,admin')).status).toBe(200);
    expect((await call('GET', '/jobs?initiated_by=carol', 'dave')).status).toBe(403);
    expect(((await (await call('GET', '/jobs?initiated_by=dave', 'dave')).json()) as Record<string, unknown>[]).map((j) => j.job_id)).toEqual([dave]);

    const everyone = await call('GET', '/jobs?size=100', 'root,admin');
    const all = ((await json(everyone)).items as Record<string, unknown>[]).map((j) => j.job_id);
    expect(all.slice(0, 4)).toEqual([dave, carol[2], carol[1], carol[0]]);
    expect(Number(everyone.headers.get('x-total-count'))).toBe(await jobCount());
    const oneUser = await call('GET', '/jobs?initiated_by=carol&page=1', 'root,admin');
    expect(((await json(oneUser)).items as Record<string, unknown>[]).map((j) => j.job_id)).toEqual([...carol].reverse());
  });

  it('answers unknown jobs 404 and bad queries 422', async () => {
    const missing = await call('GET', `/jobs/${randomUUID()}`, 'ann');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual(problem('Job not found'));
    const status = await call('GET', '/jobs?status=nope', 'ann');
    expect(status.status).toBe(422);
    const [issue] = ((await status.json()) as { detail: { loc: unknown[]; msg: string }[] }).detail;
    expect(issue.loc).toEqual(['query', 'status']);
    expect(issue.msg).toMatch(/^status must be one of: queued, started, .*cancel_requested, cancelled$/);
    for (const query of ['limit=0', 'limit=101', 'limit=x', 'page=0', 'size=101']) {
      expect((await call('GET', `/jobs?${query}`, 'ann')).status).toBe(422);
    }
    expect((await call('GET', '/jobs')).status).toBe(401);
  });
});

describe('POST /jobs/{id}/cancel', () => {
  it('cancels a queued job at once and takes it out of the queue', async () => {
    const jobId = await publish('erin');
    expect(await queue.getJob(jobId)).not.toBeNull();
    const res = await call('POST', `/jobs/${jobId}/cancel`, 'erin,publisher');
    expect(res.status).toBe(200);
    const job = await json(res);
    expect(Object.keys(job)).toEqual([...ORIGINAL_KEYS, ...OUR_KEYS, 'log']);
    expect(job).toMatchObject({ job_id: jobId, status: 'cancelled', failure_reason: 'cancelled', cancel_requested_at: expect.any(String), finished_at: expect.any(String) });
    expect(await queue.getJob(jobId)).toBeNull();
    expect((await jobs.get(jobId))?.status).toBe('cancelled');
    // It ended: asking again is a conflict, as for any finished job.
    const again = await call('POST', `/jobs/${jobId}/cancel`, 'erin,publisher');
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual(problem('Job already finished (cancelled)'));
  });

  it('asks a running job to stop (202) and refuses a finished one (409)', async () => {
    const running = await publish('erin');
    await jobs.start(running, { worker: 'pod-1' });
    const res = await call('POST', `/jobs/${running}/cancel`, 'erin,publisher');
    expect(res.status).toBe(202);
    expect(await json(res)).toMatchObject({ job_id: running, status: 'cancel_requested', attempt: 1 });
    expect(await queue.getJob(running)).not.toBeNull(); // its worker stops it, not the API

    const done = await publish('erin');
    await jobs.start(done);
    await jobs.update(done, { status: 'completed' });
    const late = await call('POST', `/jobs/${done}/cancel`, 'erin,publisher');
    expect(late.status).toBe(409);
    expect(await late.json()).toEqual(problem('Job already finished (completed)'));
  });

  it("is refused for another user's job, without the publisher role, and for an unknown job", async () => {
    const jobId = await publish('erin');
    const other = await call('POST', `/jobs/${jobId}/cancel`, 'frank,publisher');
    expect(other.status).toBe(403);
    expect(await other.json()).toEqual(problem('Not authorized to cancel this job'));
    expect((await call('POST', `/jobs/${jobId}/cancel`, 'erin')).status).toBe(403);
    expect((await jobs.get(jobId))?.status).toBe('queued');
    expect((await call('POST', `/jobs/${randomUUID()}/cancel`, 'erin,publisher')).status).toBe(404);
    expect((await call('POST', `/jobs/${jobId}/cancel`, 'root,admin')).status).toBe(200);
  });
});

describe('artifacts: GET /jobs/{id}/artifact and GET /downloads/{token}', () => {
  const zip = randomBytes(5000);
  const sha256 = createHash('sha256').update(zip).digest('hex');

  const completedWithArtifact = async (user: string): Promise<JobRecord> => {
    const jobId = randomUUID();
    await jobs.create({ job_id: jobId, solution: 'zcp', initiated_by: user, notion_page_id: PAGE_DASHED });
    await jobs.start(jobId);
    const artifact = await artifacts.put(jobId, zip, { ttlMs: 60_000 });
    return jobs.update(jobId, { status: 'completed', artifact });
  };
  const token = (jobId: string, username: string, isAdmin = false, expiresAt = Math.floor(Date.now() / 1000) + 60) =>
    signDownloadToken({ jobId, username, isAdmin, expiresAt }, api.config.downloads.secret);

  it('redirects the owner to a signed link that serves the zip', async () => {
    const record = await completedWithArtifact('gina');
    const res = await call('GET', `/jobs/${record.job_id}/artifact`, 'gina');
    expect(res.status).toBe(302);
    const location = res.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^/api/manual/v1/downloads/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}$`));
    const body = await json(res);
    expect(Object.keys(body)).toEqual(['download_url', 'expires_at']);
    expect(body.download_url).toBe(location);
    const expiresIn = Date.parse(body.expires_at as string) - Date.now();
    expect(expiresIn).toBeGreaterThan(290_000);
    expect(expiresIn).toBeLessThanOrEqual(300_000);

    const download = await fetch(`${new URL(api.base).origin}${location}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/zip');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="zcp-${record.job_id}.zip"`);
    expect(download.headers.get('content-length')).toBe('5000');
    expect(download.headers.get('cache-control')).toBe('private, no-store');
    expect(download.headers.get('x-content-sha256')).toBe(sha256);
    expect(Buffer.from(await download.arrayBuffer()).equals(zip)).toBe(true);
  });

  it("refuses another user's job, a job without an artifact and an expired artifact", async () => {
    const record = await completedWithArtifact('gina');
    expect((await call('GET', `/jobs/${record.job_id}/artifact`, 'hank')).status).toBe(403);
    expect((await call('GET', `/jobs/${record.job_id}/artifact`, 'root,admin')).status).toBe(302);

    const bare = await publish('gina');
    const none = await call('GET', `/jobs/${bare}/artifact`, 'gina');
    expect(none.status).toBe(404);
    expect(await none.json()).toEqual(problem('Job has no artifact'));

    const issued = token(record.job_id, 'gina');
    await artifacts.delete(record.job_id); // expired
    const gone = await call('GET', `/jobs/${record.job_id}/artifact`, 'gina');
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual(problem('Job has no artifact'));
    const late = await call('GET', `/downloads/${issued}`);
    expect(late.status).toBe(404);
    expect(await late.json()).toEqual(problem('Job has no artifact'));
  });

  it('refuses tampered, expired and no-longer-allowed links', async () => {
    const record = await completedWithArtifact('gina');
    const good = token(record.job_id, 'gina');
    const [first, signature] = good.split('.');
    const asHank = Buffer.from(JSON.stringify({ j: record.job_id, u: 'hank', a: true, e: Math.floor(Date.now() / 1000) + 60 })).toString('base64url');
    for (const bad of [`${asHank}.${signature}`, `${first}.${signature.slice(0, -2)}xx`, 'nonsense', `${first}.${signature}.x`]) {
      const res = await call('GET', `/downloads/${bad}`);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual(problem('Download link is invalid'));
    }
    const expired = await call('GET', `/downloads/${token(record.job_id, 'gina', false, Math.floor(Date.now() / 1000) - 1)}`);
    expect(expired.status).toBe(410);
    expect(await expired.json()).toEqual(problem('Download link expired; ask GET /jobs/{id}/artifact for a new one'));

    const notOwner = await call('GET', `/downloads/${token(record.job_id, 'hank')}`);
    expect(notOwner.status).toBe(403);
    expect(await notOwner.json()).toEqual(problem('Not authorized to view this job'));
    expect((await call('GET', `/downloads/${token(record.job_id, 'root', true)}`)).status).toBe(200);
    expect((await call('GET', `/downloads/${good}`)).status).toBe(200);

    await jobs.delete(record.job_id);
    const deleted = await call('GET', `/downloads/${good}`);
    expect(deleted.status).toBe(404);
    expect(await deleted.json()).toEqual(problem('Job not found'));
  });
});
