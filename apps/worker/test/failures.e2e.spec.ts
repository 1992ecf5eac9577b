import type { JobRecord } from '@zmp-manual/job-events';
import { E2EContext } from './harness/e2e-context';
import { GIT_TOKEN, NOTION_TOKEN, OPENAI_KEY } from './harness/emulators';
import { startPushGate } from './harness/push-gate';
import { translationMemoryKeys } from './harness/translation-memory';
import type { WorkerProcess } from './harness/worker-process';
import { TINY_IDS, tinyWorkspace } from './harness/workspaces';

const WRONG_GIT_TOKEN = 'ghp_wrong_e2e_token_5f3a9c17d2';
const WRONG_OPENAI_KEY = 'sk-wrong-e2e-openai-key-8d21c4b7e9';

describe('failed publishes', () => {
  const ctx = new E2EContext({ workspace: () => tinyWorkspace(), rootPageId: TINY_IDS.root });

  /** Everything a job leaves readable: its record (log included), its raw event stream, its notifications, and the worker's stdout/stderr. */
  async function everythingAbout(record: JobRecord, worker: WorkerProcess): Promise<string[]> {
    return [
      JSON.stringify(record),
      await ctx.client.rawStream(record.job_id),
      // Started, then failed: both written.
      JSON.stringify(await ctx.client.notificationsOf('ann', record.job_id, 2)),
      worker.output.join('\n'),
    ];
  }

  function expectNoSecret(texts: string[], secrets: string[]): void {
    for (const text of texts) {
      for (const secret of secrets) {
        expect(text).not.toContain(secret);
        expect(text).not.toContain(encodeURIComponent(secret));
        expect(text).not.toContain(Buffer.from(`x-access-token:${secret}`).toString('base64'));
      }
    }
  }

  it('ends failed/translation_failed when the translation provider fails hard half-way; the remote is unchanged, the record names no unpushed commit, and what was translated is kept', async () => {
    const dataDir = ctx.dataDir();
    ctx.emulators.openai.setFaults({ delayMs: 150 });
    await ctx.startWorker('worker-a', { WORKER_DATA_DIR: dataDir, MAX_CONCURRENT_REQUESTS: '1' });
    const job = await ctx.client.enqueue({ notion_page_id: TINY_IDS.root, title: 'zcp' });
    await ctx.client.waitFor(job.job_id, (r) => r.status === 'translating' && r.translation_progress >= 50, 'half of the translation');
    // insufficient_quota: a 429 that retrying does not cure.
    ctx.emulators.openai.setFaults({ insufficientQuota: { count: 100_000 } });
    const record = await ctx.client.waitForEnd(job.job_id);

    expect(record).toMatchObject({ status: 'failed', failure_reason: 'translation_failed', failure: { step: 'translating' } });
    expect(record.message).toMatch(/^Translation failed: /);
    // The export commit was made in the working copy, then reset: never pushed, so never recorded.
    expect(record.commits).toEqual({});
    expect(record.log.some((line) => /^Committed [0-9a-f]{7} docs\(zcp\)/.test(line))).toBe(true);
    expect(await ctx.head()).toBe(ctx.remote.initial);
    expect(ctx.pushes()).toBe(0);
    const [notification] = await ctx.client.notificationsOf('ann', job.job_id, 2);
    expect(notification).toMatchObject({ status: 'error', title: 'Manual Translation Failed', message: record.message, document_title: 'zcp' });
    // The files translated before the failure are in the translation memory on disk (a re-publish does not pay for them again).
    expect(translationMemoryKeys(dataDir).length).toBeGreaterThan(0);
  });

  it('ends failed/repository_access_failed with a wrong git token; neither it nor the OpenAI key is in any record, event or log line', async () => {
    const worker = await ctx.startWorker('worker-wrong-token', { GITHUB_TOKEN: WRONG_GIT_TOKEN });
    const job = await ctx.client.enqueue({ notion_page_id: TINY_IDS.root, title: 'zcp' });
    const record = await ctx.client.waitForEnd(job.job_id);

    expect(record).toMatchObject({ status: 'failed', failure_reason: 'repository_access_failed', commits: {} });
    expect(record.message).toMatch(/^Repository access failed: /);
    expect(await ctx.head()).toBe(ctx.remote.initial);

    const everything = await everythingAbout(record, worker);
    expect(everything[3]).toContain(job.job_id); // the worker did log about this job
    expectNoSecret(everything, [WRONG_GIT_TOKEN, OPENAI_KEY, NOTION_TOKEN]);
  });

  it('ends failed/translation_failed with an OpenAI key the provider refuses; neither the key nor the git token is in any record, event or log line', async () => {
    const worker = await ctx.startWorker('worker-wrong-key', { OPENAI_API_KEY: WRONG_OPENAI_KEY });
    const job = await ctx.client.enqueue({ notion_page_id: TINY_IDS.root, title: 'zcp' });
    const record = await ctx.client.waitForEnd(job.job_id);

    expect(record).toMatchObject({ status: 'failed', failure_reason: 'translation_failed', failure: { step: 'translating' }, commits: {} });
    expect(await ctx.head()).toBe(ctx.remote.initial);
    // The provider did answer (401), and the worker went through git with its token.
    expect(ctx.emulators.openai.stats().by_status['401']).toBeGreaterThan(0);
    expect(record.log.some((line) => line.startsWith('Working copy '))).toBe(true);

    const everything = await everythingAbout(record, worker);
    expect(everything[3]).toContain(job.job_id);
    expectNoSecret(everything, [WRONG_OPENAI_KEY, GIT_TOKEN, NOTION_TOKEN]);
  });

  it('ends failed/git_operation_failed when the remote refuses the push; what was translated is on disk, so a new worker on the same data folder re-publishes for 0 tokens', async () => {
    const folder = ctx.dataDir();
    const gate = await startPushGate(ctx.emulators.git.url, 'refuse');
    try {
      const refused = await ctx.startWorker('worker-a', { WORKER_DATA_DIR: folder, GITHUB_REPO_URL: gate.repoUrl(ctx.remote.name) });
      const job = await ctx.client.enqueue({ notion_page_id: TINY_IDS.root, title: 'zcp' });
      const failed = await ctx.client.waitForEnd(job.job_id);
      expect(failed).toMatchObject({ status: 'failed', failure_reason: 'git_operation_failed', failure: { step: 'pushing' }, commits: {} });
      expect(failed.counters.tokens).toBeGreaterThan(0);
      expect(await ctx.head()).toBe(ctx.remote.initial);
      expect(translationMemoryKeys(folder).length).toBeGreaterThan(0);
      refused.kill('SIGKILL');
      await refused.exited;
    } finally {
      await gate.stop();
    }

    const completions = ctx.emulators.openai.stats().completions;
    await ctx.startWorker('worker-b', { WORKER_DATA_DIR: folder });
    const again = await ctx.client.enqueue({ notion_page_id: TINY_IDS.root, title: 'zcp' });
    const record = await ctx.client.waitForEnd(again.job_id);
    expect(record).toMatchObject({ status: 'completed', counters: { tokens: 0 } });
    expect(record.counters.cache_hits).toBe(record.counters.segments);
    expect(ctx.emulators.openai.stats().completions).toBe(completions);
    expect((await ctx.newCommits()).map((commit) => commit.sha)).toEqual([record.commits.export, record.commits.translation]);
  });
});
