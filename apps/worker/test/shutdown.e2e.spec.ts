import { E2EContext } from './harness/e2e-context';
import { TINY_IDS, tinyWorkspace } from './harness/workspaces';

/** SIGTERM: the worker takes no new job, finishes the running one within SHUTDOWN_GRACE_MS or hands it back, exits 0. */
describe('graceful shutdown on SIGTERM during a job', () => {
  const ctx = new E2EContext({ workspace: () => tinyWorkspace(3, 3), rootPageId: TINY_IDS.root });

  it('within the grace period: the worker finishes the job, then exits 0', async () => {
    ctx.emulators.notion.setRateLimit({ requestsPerSecond: 4, burst: 1 });
    const worker = await ctx.startWorker('worker-a', { SHUTDOWN_GRACE_MS: '120000' });
    const job = await ctx.client.enqueue({ notion_page_id: TINY_IDS.root, title: 'zcp' });
    await ctx.client.waitFor(job.job_id, (r) => r.status === 'exporting' && r.export_files > 0, 'an export under way');
    worker.kill('SIGTERM');
    await worker.waitForLine(/SIGTERM: stopping/);
    ctx.emulators.notion.setRateLimit(false);

    expect(await worker.exited).toEqual({ code: 0, signal: null });
    const record = await ctx.client.jobs.get(job.job_id);
    expect(record).toMatchObject({ status: 'completed', attempt: 1, worker: 'worker-a' });
    expect((await ctx.newCommits()).map((commit) => commit.sha)).toEqual([record!.commits.export, record!.commits.translation]);
    expect(worker.output.some((line) => line.includes('running jobs finished'))).toBe(true);
  });

  it('past the grace period: the job goes back to the queue (not cancelled), another worker completes it, and the worker exits 0', async () => {
    ctx.emulators.notion.setRateLimit({ requestsPerSecond: 2, burst: 1 });
    const leaving = await ctx.startWorker('worker-a', { SHUTDOWN_GRACE_MS: '300' });
    const job = await ctx.client.enqueue({ notion_page_id: TINY_IDS.root, title: 'zcp' });
    await ctx.client.waitFor(job.job_id, (r) => r.status === 'exporting' && r.export_files > 0, 'an export under way');
    const staying = await ctx.startWorker('worker-b');
    leaving.kill('SIGTERM');
    expect(await leaving.exited).toEqual({ code: 0, signal: null });
    ctx.emulators.notion.setRateLimit(false);

    const record = await ctx.client.waitForEnd(job.job_id);
    expect(record).toMatchObject({ status: 'completed', attempt: 2, worker: staying.name, failure_reason: null });
    expect(record.log).toEqual(
      expect.arrayContaining(['Worker worker-a is shutting down: the job goes back to the queue', 'Attempt 2: the previous worker stopped (re-running from the start)']),
    );
    const states = (await ctx.client.statusEvents(job.job_id)).map((event) => event.status.status);
    expect(states).not.toContain('cancel_requested');
    expect(states).not.toContain('cancelled');
    expect((await ctx.newCommits()).map((commit) => commit.sha)).toEqual([record.commits.export, record.commits.translation]);
  });
});
