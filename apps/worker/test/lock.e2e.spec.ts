import { compareStreamIds } from '@zmp-manual/job-events';
import type { StatusEvent } from './harness/job-client';
import { E2EContext } from './harness/e2e-context';
import { TINY_IDS, tinyWorkspace } from './harness/workspaces';

/** Statuses reported while a run holds the repository lock (it takes it after `checking_repo`, drops it before its terminal write). */
const LOCKED = new Set(['cloning', 'pulling', 'exporting', 'export_commit', 'translating', 'translation_commit', 'pushing']);

/** The stream ids of the first and the last event a run wrote under the repository lock. */
function lockedSpan(events: StatusEvent[]): [string, string] {
  const locked = events.filter((event) => LOCKED.has(event.status.status));
  expect(locked.length).toBeGreaterThan(0);
  return [locked[0].id, locked.at(-1)!.id];
}

describe('two publishes of one solution at once, on two workers', () => {
  const ctx = new E2EContext({ workspace: () => tinyWorkspace(2, 3), rootPageId: TINY_IDS.root });

  it('run their git steps one after the other, and both land', async () => {
    await Promise.all([ctx.startWorker('worker-a'), ctx.startWorker('worker-b')]);
    // Slow enough that the second job asks for the lock while the first holds it.
    ctx.emulators.openai.setFaults({ delayMs: 100 });
    const one = await ctx.client.enqueue({ notion_page_id: TINY_IDS.section(1), title: 'section-1', is_directory: true });
    const two = await ctx.client.enqueue({ notion_page_id: TINY_IDS.section(2), title: 'section-2', is_directory: true });
    const [first, second] = await Promise.all([ctx.client.waitForEnd(one.job_id), ctx.client.waitForEnd(two.job_id)]);

    expect([first.status, second.status]).toEqual(['completed', 'completed']);
    expect(new Set([first.worker, second.worker])).toEqual(new Set(['worker-a', 'worker-b']));

    // The spans under the lock do not overlap: one run ended its git steps before the other began its own.
    const streams = [await ctx.client.statusEvents(one.job_id), await ctx.client.statusEvents(two.job_id)];
    const [spanOne, spanTwo] = streams.map(lockedSpan);
    const [earlier, later] = compareStreamIds(spanOne[0], spanTwo[0]) < 0 ? [0, 1] : [1, 0];
    const spans = [spanOne, spanTwo];
    expect(compareStreamIds(spans[earlier][1], spans[later][0])).toBeLessThan(0);
    // The later one had asked for the lock while the first held it, and said it was waiting.
    expect(streams[later].some((event) => /^Waiting for another job on /.test(event.status.message ?? ''))).toBe(true);

    // Both landed, one after the other, nothing rejected or forced.
    const commits = await ctx.newCommits();
    const shas = commits.map((commit) => commit.sha);
    for (const record of [first, second]) {
      expect(shas).toContain(record.commits.export);
      expect(shas).toContain(record.commits.translation);
    }
    expect(commits).toHaveLength(4);
    expect(ctx.emulators.git.stats().pushesRejected).toBe(0);
  });
});
