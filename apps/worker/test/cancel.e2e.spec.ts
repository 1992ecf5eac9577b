import { setTimeout as sleep } from 'node:timers/promises';
import { E2EContext } from './harness/e2e-context';
import { TINY_IDS, tinyWorkspace } from './harness/workspaces';

/** How long a cancelled job's remote is watched for a late push. */
const WATCH_MS = 1_500;

describe('cancel of a running publish', () => {
  const ctx = new E2EContext({ workspace: () => tinyWorkspace(3, 3), rootPageId: TINY_IDS.root });

  async function expectCancelledWithNothingPushed(jobId: string): Promise<void> {
    const record = await ctx.client.waitForEnd(jobId);
    expect(record).toMatchObject({ status: 'cancelled', failure_reason: 'cancelled', message: 'Publication cancelled' });
    expect(record.cancel_requested_at).not.toBeNull();
    expect(record.commits).toEqual({});
    expect(await ctx.head()).toBe(ctx.remote.initial);
    await sleep(WATCH_MS);
    expect(await ctx.head()).toBe(ctx.remote.initial);
    expect(ctx.pushes()).toBe(0);
    const states = (await ctx.client.statusEvents(jobId)).map((event) => event.status.status);
    expect(states).toContain('cancel_requested');
    expect(states.at(-1)).toBe('cancelled');
    expect(states).not.toContain('pushing');
    const [notification] = await ctx.client.notificationsOf('ann', jobId, 2);
    expect(notification).toMatchObject({ status: 'info', title: 'Manual Publication Cancelled' });
  }

  it('during exporting: the job ends cancelled and nothing is pushed', async () => {
    // Two Notion requests a second: the export of 13 pages takes several seconds.
    await ctx.startWorker('worker-a', { NOTION_RATE_LIMIT: '2' });
    const job = await ctx.client.enqueue({ notion_page_id: TINY_IDS.root, title: 'zcp' });
    await ctx.client.waitForStatus(job.job_id, 'exporting');
    expect((await ctx.client.cancellation.requestCancel(job.job_id)).outcome).toBe('requested');
    await expectCancelledWithNothingPushed(job.job_id);
  });

  it('during translating: the job ends cancelled, nothing is pushed, and the next publish starts from a clean working copy', async () => {
    ctx.emulators.openai.setFaults({ delayMs: 300 });
    await ctx.startWorker('worker-a', { MAX_CONCURRENT_REQUESTS: '1' });
    const job = await ctx.client.enqueue({ notion_page_id: TINY_IDS.root, title: 'zcp' });
    const translating = await ctx.client.waitFor(job.job_id, (r) => r.status === 'translating' && r.translation_progress > 0, 'translation under way');
    // The export commit exists in the working copy only: the record does not name it.
    expect(translating.log.some((line) => /^Committed [0-9a-f]{7} docs\(zcp\)/.test(line))).toBe(true);
    expect(translating.commits).toEqual({});
    await ctx.client.cancellation.requestCancel(job.job_id);
    await expectCancelledWithNothingPushed(job.job_id);

    // The same worker publishes again: exactly one export and one translation commit land.
    ctx.emulators.openai.setFaults({});
    const again = await ctx.client.enqueue({ notion_page_id: TINY_IDS.root, title: 'zcp' });
    const record = await ctx.client.waitForEnd(again.job_id);
    expect(record.status).toBe('completed');
    const commits = await ctx.newCommits();
    expect(commits.map((commit) => commit.sha)).toEqual([record.commits.export, record.commits.translation]);
  });
});
