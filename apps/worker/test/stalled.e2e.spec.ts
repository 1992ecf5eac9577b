import type { JobRecord } from '@zmp-manual/job-events';
import { E2EContext } from './harness/e2e-context';
import { TINY_IDS, tinyWorkspace } from './harness/workspaces';

/**
 * A worker killed mid-job (SIGKILL: no cleanup at all) leaves its Bull job active with a lock nobody renews;
 * Bull's stalled check hands it to the other worker, which re-runs it from the start as attempt 2 once the dead
 * worker's repository lock has expired.
 */
describe('a worker killed mid-job', () => {
  const ctx = new E2EContext({ workspace: () => tinyWorkspace(3, 3), rootPageId: TINY_IDS.root });

  /** Two workers; the one that takes the job is killed once `moment` holds; the other must finish it. */
  async function killMidJob(moment: (record: JobRecord) => boolean, what: string, speedUp: () => void): Promise<{ jobId: string; survivor: string }> {
    const workers = [await ctx.startWorker('worker-a'), await ctx.startWorker('worker-b')];
    const job = await ctx.client.enqueue({ notion_page_id: TINY_IDS.root, title: 'zcp' });
    const seen = await ctx.client.waitFor(job.job_id, moment, what);
    const victim = workers.find((worker) => worker.name === seen.worker)!;
    victim.kill('SIGKILL');
    expect((await victim.exited).signal).toBe('SIGKILL');
    speedUp();
    return { jobId: job.job_id, survivor: workers.find((worker) => worker !== victim)!.name };
  }

  async function expectRerunToCompletion(jobId: string, survivor: string, killedIn: string): Promise<void> {
    const record = await ctx.client.waitForEnd(jobId);
    expect(record).toMatchObject({ status: 'completed', attempt: 2, worker: survivor, failure_reason: null });
    expect(record.log).toContain('Attempt 2: the previous worker stopped (re-running from the start)');

    // Each commit once on the remote: the dead attempt pushed nothing, the re-run pushed both.
    const commits = await ctx.newCommits();
    expect(commits.map((commit) => commit.sha)).toEqual([record.commits.export, record.commits.translation]);
    expect(commits[0].message).toMatch(/^docs\(zcp\): /);
    expect(commits[1].message).toMatch(/^i18n\(zcp\): translate .* into ko, ja/);

    // The stream shows the first attempt in the step it was killed in, then the re-run from `started`.
    const states = (await ctx.client.statusEvents(jobId)).map((event) => event.status.status);
    const restart = states.lastIndexOf('started');
    expect(states.indexOf('started')).toBeLessThan(restart);
    expect(states.slice(0, restart)).toContain(killedIn);
    expect(states.slice(restart)).toEqual(expect.arrayContaining(['exporting', 'translating', 'pushing', 'completed']));
  }

  it('during exporting: the other worker re-runs it to completed (attempt 2), no duplicate commits', async () => {
    // Notion answers 2 requests a second (429 + Retry-After beyond): the export takes several seconds.
    ctx.emulators.notion.setRateLimit({ requestsPerSecond: 2, burst: 1 });
    const { jobId, survivor } = await killMidJob((r) => r.status === 'exporting' && r.export_files > 0, 'an export under way', () =>
      ctx.emulators.notion.setRateLimit(false),
    );
    await expectRerunToCompletion(jobId, survivor, 'exporting');
  });

  it('during translating: the other worker re-runs it to completed (attempt 2), no duplicate commits', async () => {
    ctx.emulators.openai.setFaults({ delayMs: 500 });
    const { jobId, survivor } = await killMidJob((r) => r.status === 'translating' && r.translation_progress > 0, 'a translation under way', () =>
      ctx.emulators.openai.setFaults({}),
    );
    await expectRerunToCompletion(jobId, survivor, 'translating');
  });
});
