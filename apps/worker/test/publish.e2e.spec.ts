import { DEMO_IDS, buildDemoWorkspace } from '@zmp-manual/notion-emulator';
import type { JobRecord, PublishJobPayload } from '@zmp-manual/job-events';
import { GIT_TOKEN, startEmulators } from './harness/emulators';
import type { Emulators } from './harness/emulators';
import { JobClient } from './harness/job-client';
import type { StatusEvent } from './harness/job-client';
import { BRANCH, cloneFiles, commitsSince, createRemote } from './harness/remote';
import { killAll, startWorker } from './harness/worker-process';
import type { WorkerProcess } from './harness/worker-process';
import { removeDataDirs, workerEnv } from './harness/worker-env';

const HAPPY_PATH = ['queued', 'started', 'checking_repo', 'cloning', 'exporting', 'export_commit', 'translating', 'translation_commit', 'pushing', 'completed'];

/** Consecutive duplicates collapsed: the states a job went through. */
const statesOf = (events: StatusEvent[]) => events.map((e) => e.status.status).filter((status, i, all) => i === 0 || all[i - 1] !== status);

describe('publish of the demo manual into ko and ja (one worker)', () => {
  let emulators: Emulators;
  let client: JobClient;
  let remote: { name: string; url: string; initial: string };
  let worker: WorkerProcess;
  let first: { payload: PublishJobPayload; record: JobRecord; events: StatusEvent[] };

  beforeAll(async () => {
    emulators = await startEmulators(buildDemoWorkspace());
    client = new JobClient();
    remote = await createRemote(emulators.git, 'team/site-publish');
    worker = await startWorker('worker-a', workerEnv({ keyPrefix: client.keyPrefix, emulators, rootPageId: DEMO_IDS.root, repoUrl: remote.url }));
    const payload = await client.enqueue({ notion_page_id: DEMO_IDS.root, title: 'zcp', is_directory: true, target_languages: ['ko', 'ja'] });
    const record = await client.waitForEnd(payload.job_id);
    first = { payload, record, events: await client.statusEvents(payload.job_id) };
  });

  afterAll(async () => {
    await killAll([worker]);
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
    const notifications = await client.notifications.list('ann', { jobId: first.payload.job_id, includeRead: true });
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

  it('makes no new commit (and sends nothing to translate) when the same publish runs again', async () => {
    const head = await emulators.git.resolveRef(remote.name, BRANCH);
    const completions = emulators.openai.stats().completions;
    const again = await client.enqueue({ notion_page_id: DEMO_IDS.root, title: 'zcp', is_directory: true, target_languages: ['ko', 'ja'] });
    const record = await client.waitForEnd(again.job_id);
    expect(record).toMatchObject({ status: 'completed', commits: {}, attempt: 1 });
    expect(record.counters.tokens).toBe(0);
    expect(record.log).toContain('Nothing new to push: the remote already has this content');
    expect(statesOf(await client.statusEvents(again.job_id))).toContain('pulling');
    expect(await emulators.git.resolveRef(remote.name, BRANCH)).toBe(head);
    expect(emulators.openai.stats().completions).toBe(completions);
  });

  it('fails a page id that is not one with invalid_page_id, touching nothing', async () => {
    const head = await emulators.git.resolveRef(remote.name, BRANCH);
    const job = await client.enqueue({ notion_page_id: 'not-a-page', title: 'broken', is_directory: false });
    const record = await client.waitForEnd(job.job_id);
    expect(record).toMatchObject({ status: 'failed', failure_reason: 'invalid_page_id', failure: { code: 'invalid_page_id' } });
    expect(record.message).toMatch(/^"not-a-page" is not a Notion page id/);
    expect(await emulators.git.resolveRef(remote.name, BRANCH)).toBe(head);
    const [failed] = await client.notifications.list('ann', { jobId: job.job_id });
    expect(failed).toMatchObject({ status: 'error', title: 'Manual Publication Failed', message: record.message, document_title: 'broken' });
  });
});
