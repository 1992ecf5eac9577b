import { DEMO_IDS, buildDemoWorkspace } from '@zmp-manual/notion-emulator';
import { ArtifactStore } from '@zmp-manual/job-events';
import type { JobRecord, PublishJobPayload } from '@zmp-manual/job-events';
import { unzipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { isSignedBy, startCallbackReceiver } from './harness/callback-receiver';
import type { CallbackReceiver } from './harness/callback-receiver';
import { GIT_TOKEN, startEmulators } from './harness/emulators';
import type { Emulators } from './harness/emulators';
import { JobClient } from './harness/job-client';
import type { StatusEvent } from './harness/job-client';
import { BRANCH, cloneFiles, commitsSince, createRemote } from './harness/remote';
import { killAll, startWorker } from './harness/worker-process';
import type { WorkerProcess } from './harness/worker-process';
import { removeDataDirs, workerEnv } from './harness/worker-env';

const HAPPY_PATH = ['queued', 'started', 'checking_repo', 'cloning', 'exporting', 'export_commit', 'translating', 'translation_commit', 'pushing', 'completed'];

const DAY_MS = 86_400_000;

/** Consecutive duplicates collapsed: the states a job went through. */
const statesOf = (events: StatusEvent[]) => events.map((e) => e.status.status).filter((status, i, all) => i === 0 || all[i - 1] !== status);

describe('publish of the demo manual into ko and ja (one worker)', () => {
  let emulators: Emulators;
  let client: JobClient;
  let remote: { name: string; url: string; initial: string };
  let receiver: CallbackReceiver;
  let env: Record<string, string>;
  const workers: WorkerProcess[] = [];
  let first: { payload: PublishJobPayload; record: JobRecord; events: StatusEvent[] };

  /** The record once its callback delivery is recorded (the POST happens after the terminal state). */
  const withDelivery = (jobId: string) => client.withCallbacks(jobId, 1);
  const callbacksTo = (path: string) => receiver.received.filter((request) => request.path === path);

  beforeAll(async () => {
    emulators = await startEmulators(buildDemoWorkspace());
    client = new JobClient();
    receiver = await startCallbackReceiver();
    remote = await createRemote(emulators.git, 'team/site-publish');
    env = workerEnv({
      keyPrefix: client.keyPrefix,
      emulators,
      rootPageId: DEMO_IDS.root,
      repoUrl: remote.url,
      extra: { CALLBACK_SECRET: receiver.secret, CALLBACK_ALLOW_PRIVATE: 'true', ARTIFACT_RETENTION_DAYS: '2' },
    });
    workers.push(await startWorker('worker-a', env));
    const payload = await client.enqueue({ notion_page_id: DEMO_IDS.root, title: 'zcp', is_directory: true, target_languages: ['ko', 'ja'], callback_url: `${receiver.url}/hooks/done?job=1` });
    const record = await client.waitForEnd(payload.job_id);
    first = { payload, record, events: await client.statusEvents(payload.job_id) };
  });

  afterAll(async () => {
    await killAll(workers);
    await receiver.stop();
    await client.close();
    await emulators.stop();
    removeDataDirs();
  });

  it('completes, with an export commit then a translation commit on the remote', async () => {
    const { record } = first;
    expect(record).toMatchObject({
      status: 'completed',
      message: 'Manual published successfully and pushed to GitHub',
      failure_reason: null,
      failure: null,
      total_progress: 100,
      export_progress: 100,
      translation_progress: 100,
      worker: 'worker-a',
      attempt: 1,
      target_languages: ['ko', 'ja'],
    });
    expect(record.counters).toMatchObject({ pages: 34, assets: 5 });
    expect(record.counters.segments).toBeGreaterThan(0);
    expect(record.counters.tokens).toBeGreaterThan(0);

    const commits = await commitsSince(emulators.git, remote.name, remote.initial);
    expect(commits.map((commit) => commit.sha)).toEqual([record.commits.export, record.commits.translation]);
    expect(commits[0].message).toMatch(/^docs\(zcp\): update 34 pages/);
    expect(commits[1].message).toMatch(/^i18n\(zcp\): translate 34 pages into ko, ja/);
    expect(commits.every((commit) => commit.author.email === 'e2e@example.com')).toBe(true);
    expect(await emulators.git.resolveRef(remote.name, BRANCH)).toBe(record.commits.translation);
    expect(record.artifact).toMatchObject({ size_bytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('leaves the expected tree: every page in docs/ and translated in i18n/ko and i18n/ja, the assets in static/', async () => {
    const tree = await cloneFiles(emulators.git, remote.name, GIT_TOKEN);
    const docs = tree.files.filter((file) => file.startsWith('docs/zcp/') && file.endsWith('.mdx'));
    expect(docs).toHaveLength(34);
    expect(docs).toEqual(expect.arrayContaining(['docs/zcp/index.mdx', 'docs/zcp/getting-started/installation/install-on-kubernetes.mdx', 'docs/zcp/troubleshooting/설치-faq.mdx']));
    expect(tree.files.filter((file) => file.startsWith('docs/zcp/') && file.endsWith('_category_.json')).length).toBeGreaterThan(0);
    for (const language of ['ko', 'ja']) {
      const prefix = `i18n/${language}/docusaurus-plugin-content-docs/current/`;
      const translated = tree.files.filter((file) => file.startsWith(prefix)).map((file) => `docs/${file.slice(prefix.length)}`);
      expect(translated.sort()).toEqual([...docs].sort());
      expect(tree.files).toContain(`i18n/${language}/docusaurus-plugin-content-docs/current.json`);
      const install = tree.read(`${prefix}zcp/getting-started/installation/install-on-kubernetes.mdx`);
      expect(install).toContain(`⟪${language}:`);
    }
    expect(tree.read('docs/zcp/getting-started/installation/install-on-kubernetes.mdx')).not.toContain('⟪');
    expect(tree.files.filter((file) => file.startsWith('static/img/zcp/'))).toHaveLength(5);
    expect(tree.files).toContain('README.md');
  });

  it('recorded the states in order on the job stream, with progress never going backwards', () => {
    const { events } = first;
    expect(statesOf(events)).toEqual(HAPPY_PATH);
    for (const field of ['total_progress', 'export_progress', 'translation_progress'] as const) {
      const values = events.map((event) => event.status[field]);
      values.forEach((value, i) => {
        if (i > 0) expect(value).toBeGreaterThanOrEqual(values[i - 1]);
      });
    }
    expect(events.at(-1)!.status).toMatchObject({ status: 'completed', total_progress: 100 });
  });

  it('notified the user who asked: started, then complete, with the document title', async () => {
    const notifications = await client.notificationsOf('ann', first.payload.job_id, 2);
    expect(notifications.map((n) => [n.status, n.title]).reverse()).toEqual([
      ['processing', 'Manual Publication Started'],
      ['success', 'Manual Publication Complete'],
    ]);
    expect(notifications[0]).toMatchObject({
      user_id: 'ann',
      solution: 'zcp',
      document_title: 'zcp',
      notification_type: 'job_result',
      node: { notion_page_id: DEMO_IDS.root, title: 'zcp', is_directory: true, parent_id: null },
    });
  });

  it('POSTed the terminal job JSON once to the callback URL, signed the Standard Webhooks way, and recorded the delivery', async () => {
    const record = await withDelivery(first.payload.job_id);
    const [request, ...more] = callbacksTo('/hooks/done?job=1');
    expect(more).toHaveLength(0);
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toBe('application/json');
    expect(isSignedBy(receiver.secret, request)).toBe(true);
    expect(isSignedBy(`whsec_${Buffer.from('another secret').toString('base64')}`, request)).toBe(false);
    const body = JSON.parse(request.body) as Record<string, unknown>;
    expect(body).toMatchObject({
      job_id: first.payload.job_id,
      status: 'completed',
      total_progress: 100,
      failure_reason: null,
      commits: record.commits,
      artifact: record.artifact,
      finished_at: record.finished_at,
      attempt: 1,
    });
    expect(body).not.toHaveProperty('log');
    expect(body).not.toHaveProperty('worker');
    expect(body).not.toHaveProperty('callbacks');
    expect(record.callbacks).toEqual([
      { url: `${receiver.url}/hooks/done?job=1`, attempt: 1, at: expect.any(String), status_code: 204, ok: true, error: null, duration_ms: expect.any(Number), webhook_id: request.headers['webhook-id'] },
    ]);
    expect(record.status).toBe('completed');
  });

  it('kept the zip of the generated tree for ARTIFACT_RETENTION_DAYS: the files the remote has for the solution, byte for byte', async () => {
    const { record } = first;
    const zip = await new ArtifactStore({ redis: client.redis, keyPrefix: client.keyPrefix }).get(record.artifact!.location);
    expect(zip).not.toBeNull();
    expect(createHash('sha256').update(zip!).digest('hex')).toBe(record.artifact!.sha256);
    expect(zip!.byteLength).toBe(record.artifact!.size_bytes);
    const entries = unzipSync(zip!);
    const names = Object.keys(entries).sort();
    const tree = await cloneFiles(emulators.git, remote.name, GIT_TOKEN);
    const solutionFiles = tree.files.filter((file) => file !== 'README.md');
    expect(names).toEqual(solutionFiles);
    expect(names.filter((name) => name.startsWith('docs/zcp/') && name.endsWith('.mdx'))).toHaveLength(34);
    const page = 'i18n/ja/docusaurus-plugin-content-docs/current/zcp/getting-started/installation/install-on-kubernetes.mdx';
    expect(Buffer.from(entries[page]).toString('utf8')).toBe(tree.read(page));
    const ttl = await client.redis.pttl(`${client.keyPrefix}artifacts:${record.job_id}`);
    expect(ttl).toBeGreaterThan(DAY_MS);
    expect(ttl).toBeLessThanOrEqual(2 * DAY_MS);
  });

  it('serves /metrics from the worker process, and no route besides health and metrics', async () => {
    const base = workers[0].healthUrl.replace(/\/health$/, '');
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toContain('zmp_worker_jobs_started_total{solution="zcp"} 1');
    expect(text).toContain('zmp_worker_jobs_finished_total{solution="zcp",state="completed"} 1');
    expect(text).toMatch(/^zmp_worker_queue_jobs\{queue="publish",state="active"\} 0$/m);
    expect((await fetch(`${base}/health`)).status).toBe(200);
    for (const [method, path] of [['GET', '/'], ['POST', '/publish'], ['POST', '/api/manual/v1/publish'], ['GET', '/jobs'], ['GET', '/notifications']]) {
      expect([method, path, (await fetch(`${base}${path}`, { method })).status]).toEqual([method, path, 404]);
    }
  });

  it('makes no new commit and sends nothing to translate when the same publish runs again, in a new worker process on the same data folder', async () => {
    // The translation memory, the export state and the working copy come from the data folder, not from memory.
    const [old] = workers;
    old.kill('SIGKILL');
    await old.exited;
    workers.push(await startWorker('worker-a2', env));
    const head = await emulators.git.resolveRef(remote.name, BRANCH);
    const completions = emulators.openai.stats().completions;
    const again = await client.enqueue({ notion_page_id: DEMO_IDS.root, title: 'zcp', is_directory: true, target_languages: ['ko', 'ja'] });
    const record = await client.waitForEnd(again.job_id);
    // The failure and the log's end are part of the comparison so that a failed run says why.
    expect({ ...record, log: record.log.slice(-5) }).toMatchObject({ status: 'completed', attempt: 1, worker: 'worker-a2', failure: null });
    expect(record.commits).toEqual({});
    expect(record.counters.segments).toBeGreaterThan(0);
    expect(record.counters.cache_hits).toBe(record.counters.segments);
    expect(record.counters.tokens).toBe(0);
    expect(record.log).toContain('Nothing new to push: the remote already has this content');
    expect(statesOf(await client.statusEvents(again.job_id))).toContain('pulling');
    expect(await emulators.git.resolveRef(remote.name, BRANCH)).toBe(head);
    expect(emulators.openai.stats().completions).toBe(completions);
  });

  it('fails a page id that is not one with invalid_page_id, touching nothing', async () => {
    const head = await emulators.git.resolveRef(remote.name, BRANCH);
    const job = await client.enqueue({ notion_page_id: 'not-a-page', title: 'broken', is_directory: false, callback_url: `${receiver.url}/hooks/done?job=broken` });
    const record = await client.waitForEnd(job.job_id);
    expect(record).toMatchObject({ status: 'failed', failure_reason: 'invalid_page_id', failure: { code: 'invalid_page_id' } });
    expect(record.message).toMatch(/^"not-a-page" is not a Notion page id/);
    expect(await emulators.git.resolveRef(remote.name, BRANCH)).toBe(head);
    const [failed] = await client.notificationsOf('ann', job.job_id, 2);
    expect(failed).toMatchObject({ status: 'error', title: 'Manual Publication Failed', message: record.message, document_title: 'broken', node: { title: 'broken', is_directory: false } });
    // The failure is called back too.
    await withDelivery(job.job_id);
    const [request] = callbacksTo('/hooks/done?job=broken');
    expect(isSignedBy(receiver.secret, request)).toBe(true);
    expect(JSON.parse(request.body)).toMatchObject({ job_id: job.job_id, status: 'failed', failure_reason: 'invalid_page_id', message: record.message, commits: {} });
  });
});
