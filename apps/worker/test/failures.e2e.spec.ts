import { E2EContext } from './harness/e2e-context';
import { TINY_IDS, tinyWorkspace } from './harness/workspaces';

const WRONG_TOKEN = 'ghp_wrong_e2e_token_5f3a9c17d2';

describe('failed publishes', () => {
  const ctx = new E2EContext({ workspace: () => tinyWorkspace(), rootPageId: TINY_IDS.root });

  it('ends failed/translation_failed when the translation provider fails hard, and the remote is unchanged', async () => {
    await ctx.startWorker('worker-a');
    // insufficient_quota: a 429 that retrying does not cure.
    ctx.emulators.openai.setFaults({ insufficientQuota: { count: 100_000 } });
    const job = await ctx.client.enqueue({ notion_page_id: TINY_IDS.root, title: 'zcp' });
    const record = await ctx.client.waitForEnd(job.job_id);

    expect(record).toMatchObject({ status: 'failed', failure_reason: 'translation_failed', failure: { step: 'translating' } });
    expect(record.message).toMatch(/^Translation failed: /);
    // The export commit was made in the working copy (the record keeps its sha), then reset: never pushed.
    expect(await ctx.head()).toBe(ctx.remote.initial);
    expect(ctx.pushes()).toBe(0);
    const [notification] = await ctx.client.notifications.list('ann', { jobId: job.job_id });
    expect(notification).toMatchObject({ status: 'error', title: 'Manual Translation Failed', message: record.message });
  });

  it('ends failed/repository_access_failed with a wrong git token, which appears in no record, event or log line', async () => {
    const worker = await ctx.startWorker('worker-wrong-token', { GITHUB_TOKEN: WRONG_TOKEN });
    const job = await ctx.client.enqueue({ notion_page_id: TINY_IDS.root, title: 'zcp' });
    const record = await ctx.client.waitForEnd(job.job_id);

    expect(record).toMatchObject({ status: 'failed', failure_reason: 'repository_access_failed' });
    expect(record.message).toMatch(/^Repository access failed: /);
    expect(await ctx.head()).toBe(ctx.remote.initial);

    const everything = [
      JSON.stringify(record),
      await ctx.client.rawStream(job.job_id),
      JSON.stringify(await ctx.client.notifications.list('ann', { jobId: job.job_id, includeRead: true })),
      worker.output.join('\n'),
    ];
    expect(everything[3]).toContain(job.job_id); // the worker did log about this job
    for (const text of everything) {
      expect(text).not.toContain(WRONG_TOKEN);
      expect(text).not.toContain(Buffer.from(`x-access-token:${WRONG_TOKEN}`).toString('base64'));
    }
  });
});
