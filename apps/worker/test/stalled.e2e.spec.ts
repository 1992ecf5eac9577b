import type { JobRecord } from '@zmp-manual/job-events';
import { E2EContext } from './harness/e2e-context';
import { startPushGate } from './harness/push-gate';
import type { PushGateMode } from './harness/push-gate';
import { TINY_IDS, tinyWorkspace } from './harness/workspaces';

/**
 * A worker killed mid-job (SIGKILL: no cleanup at all) leaves its Bull job active with a lock nobody renews;
 * Bull's stalled check hands it to the other worker, which re-runs it from the start as attempt 2 once the dead
 * worker's repository lock has expired.
 */
describe('a worker killed mid-job', () => {
  const ctx = new E2EContext({ workspace: () => tinyWorkspace(3, 3), rootPageId: TINY_IDS.root });

  /** Two workers; the one that takes the job is killed once `moment` holds; the other must finish it. */
  async function killMidJob(moment: (record: JobRecord) => boolean, what: string, speedUp: () => void, env: Record<string, string> = {}): Promise<{ jobId: string; survivor: string }> {
    const workers = await Promise.all([ctx.startWorker('worker-a', env), ctx.startWorker('worker-b', env)]);
    const job = await ctx.client.enqueue({ notion_page_id: TINY_IDS.root, title: 'zcp' });
    const seen = await ctx.client.waitFor(job.job_id, moment, what);
    const victim = workers.find((worker) => worker.name === seen.worker)!;
    victim.kill('SIGKILL');
    expect((await victim.exited).signal).toBe('SIGKILL');
    speedUp();
    return { jobId: job.job_id, survivor: workers.find((worker) => worker !== victim)!.name };
  }

  /** The re-run's record; `landed` names the attempt whose push reached the remote. */
  async function expectRerunToCompletion(jobId: string, survivor: string, killedIn: string, landed: 1 | 2 = 2): Promise<JobRecord> {
    const record = await ctx.client.waitForEnd(jobId);
    expect(record).toMatchObject({ status: 'completed', attempt: 2, worker: survivor, failure_reason: null });
    expect(record.log).toContain('Attempt 2: the previous worker stopped (re-running from the start)');

    // Each commit once on the remote, pushed once: by the re-run, or by the dead attempt (the re-run then has nothing new).
    const commits = await ctx.newCommits();
    expect(commits).toHaveLength(2);
    expect(commits[0].message).toMatch(/^docs\(zcp\): /);
    expect(commits[1].message).toMatch(/^i18n\(zcp\): translate .* into ko, ja/);
    expect(ctx.pushes()).toBe(1);
    if (landed === 2) expect(commits.map((commit) => commit.sha)).toEqual([record.commits.export, record.commits.translation]);
    else {
      expect(record.commits).toEqual({});
      expect(record.log).toContain('Nothing new to push: the remote already has this content');
    }

    // The stream shows the first attempt in the step it was killed in, then the re-run from `started`.
    const states = (await ctx.client.statusEvents(jobId)).map((event) => event.status.status);
    const restart = states.lastIndexOf('started');
    expect(states.indexOf('started')).toBeLessThan(restart);
    expect(states.slice(0, restart)).toContain(killedIn);
    expect(states.slice(restart)).toEqual(expect.arrayContaining(['exporting', 'translating', 'pushing', 'completed']));
    return record;
  }

  /** Two workers behind a gate that holds the first push; the one that sent it is killed while it is held. */
  async function killAtPush(mode: PushGateMode): Promise<{ jobId: string; survivor: string }> {
    const gate = await startPushGate(ctx.emulators.git.url, mode);
    try {
      const env = { GITHUB_REPO_URL: gate.repoUrl(ctx.remote.name) };
      const workers = await Promise.all([ctx.startWorker('worker-a', env), ctx.startWorker('worker-b', env)]);
      const job = await ctx.client.enqueue({ notion_page_id: TINY_IDS.root, title: 'zcp' });
      await gate.held;
      const seen = (await ctx.client.jobs.get(job.job_id))!;
      expect(seen.status).toBe('pushing');
      // The export and translation commits exist in the victim's working copy only: the record names neither.
      expect(seen.commits).toEqual({});
      const victim = workers.find((worker) => worker.name === seen.worker)!;
      victim.kill('SIGKILL');
      expect((await victim.exited).signal).toBe('SIGKILL');
      expect(await ctx.head()).toBe(mode === 'request' ? ctx.remote.initial : (await ctx.newCommits())[1].sha);
      const survivor = workers.find((worker) => worker !== victim)!.name;
      await ctx.client.waitForEnd(job.job_id);
      return { jobId: job.job_id, survivor };
    } finally {
      await gate.stop();
    }
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

  it('during pushing, before the push reached the remote: the re-run pushes both commits, once', async () => {
    const { jobId, survivor } = await killAtPush('request');
    await expectRerunToCompletion(jobId, survivor, 'pushing', 2);
  });

  it('right after the push reached the remote: the re-run finds nothing new, and the remote has each commit once', async () => {
    const { jobId, survivor } = await killAtPush('response');
    await expectRerunToCompletion(jobId, survivor, 'pushing', 1);
  });

  it('past BULL_MAX_STALLED_COUNT: Bull gives up on the job, and the other worker fails its record and tells the user', async () => {
    ctx.emulators.notion.setRateLimit({ requestsPerSecond: 2, burst: 1 });
    const { jobId, survivor } = await killMidJob((r) => r.status === 'exporting' && r.export_files > 0, 'an export under way', () => ctx.emulators.notion.setRateLimit(false), {
      BULL_MAX_STALLED_COUNT: '0',
    });
    const record = await ctx.client.waitForEnd(jobId);
    expect(record).toMatchObject({ status: 'failed', failure_reason: 'unknown_error', attempt: 1, failure: { code: 'stalled', step: 'exporting' }, commits: {} });
    expect(record.message).toMatch(/^Publication failed: The job stopped its workers too many times/);
    expect(record.worker).not.toBe(survivor);
    expect(await ctx.head()).toBe(ctx.remote.initial);
    const [notification] = await ctx.client.notificationsOf('ann', jobId, 2);
    expect(notification).toMatchObject({ status: 'error', title: 'Manual Publication Failed', message: record.message, document_title: 'zcp' });
    await ctx.client.bullJobGone(jobId);
  });
});
