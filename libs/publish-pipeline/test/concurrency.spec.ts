import { DEMO_IDS } from '@zmp-manual/notion-emulator';
import { InMemoryRepositoryLock } from '@zmp-manual/git-publisher';
import { runPublish } from '../src';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BRANCH, cloneBack, listFiles, newRemote, publishOptions, pushFromElsewhere, RecordingReporter, startNotion, tempDir, useServers } from './support/harness';
import { editFirstParagraph } from './support/notion-edits';
import type { Notion } from './support/harness';

// Two publishes of one repository at once: the lock serialises their git steps and both land.
describe('two publishes of one repository at once', () => {
  const servers = useServers();
  let notion: Notion;
  beforeAll(async () => {
    notion = await startNotion();
  });
  afterAll(() => notion.emulator.stop());

  it('runs one after the other under the lock, and the remote gets both', async () => {
    const remote = await newRemote(servers().git, 'concurrent');
    const dataDir = await tempDir('data');
    const lock = new InMemoryRepositoryLock();
    const timeline: string[] = [];
    const reporter = (job: string) => new RecordingReporter((update) => void timeline.push(`${job} ${update.status}`));
    const [a, b] = [reporter('a'), reporter('b')];
    const common = { servers: servers(), notion, remote, dataDir, lock, isDirectory: true };
    const [first, second] = await Promise.all([
      runPublish(publishOptions({ ...common, pageId: DEMO_IDS.gettingStarted, reporter: a })),
      runPublish(publishOptions({ ...common, pageId: DEMO_IDS.releaseNotes, reporter: b })),
    ]);

    expect(first.pushed && second.pushed).toBe(true);
    // Whichever took the lock first, the other waited for it and did its git steps after the first one's last report.
    const waiting = `Waiting for another job on ${servers().git.repoUrl(remote)} (branch: develop)`;
    const [holder, waiter] = b.messages.includes(waiting) ? (['a', 'b'] as const) : (['b', 'a'] as const);
    expect({ a, b }[holder].messages).not.toContain(waiting);
    expect({ a, b }[waiter].messages).toContain(waiting);
    const lastOfHolder = timeline.lastIndexOf(`${holder} pushing`);
    const firstOfWaiter = timeline.findIndex((entry) => entry.startsWith(`${waiter} `) && entry !== `${waiter} checking_repo`);
    expect(firstOfWaiter).toBeGreaterThan(lastOfHolder);
    expect({ a, b }[waiter].updates.find((update) => update.status === 'pulling')).toBeDefined();

    const [before, after] = holder === 'a' ? [first, second] : [second, first];
    const log = await servers().git.log(remote, BRANCH);
    expect(log.map((commit) => commit.sha).slice(0, 4)).toEqual([after.commits.translation, after.commits.export, before.commits.translation, before.commits.export]);
    const files = await listFiles(await cloneBack(servers().git, remote));
    expect(files).toEqual(expect.arrayContaining(['docs/zcp/getting-started/overview.mdx', 'docs/zcp/release-notes/3-2-0.mdx', 'docs/zcp/index.mdx']));
  });

  it('writes its pages again onto a remote that moved just before the push, keeping the other edit', async () => {
    const remote = await newRemote(servers().git, 'raced');
    const dataDir = await tempDir('data');
    await runPublish(publishOptions({ servers: servers(), notion, remote, dataDir }));
    const overview = 'c3b49c81-60a1-4e4f-b163-3eb0cc6d1867';
    editFirstParagraph(notion.emulator.workspace, overview, 'Overview, published while someone else pushed.');
    let elsewhere: string | undefined;
    const reporter = new RecordingReporter(async (update) => {
      if (update.status === 'pushing' && elsewhere === undefined) {
        elsewhere = await pushFromElsewhere(servers().git, remote, { 'README.md': '# Edited elsewhere\n', 'docs/zcp/user-guide/monitoring.mdx': '---\nid: monitoring\ntitle: Monitoring\nsidebar_position: 3\nnotion_page_id: 1817735f-078f-445e-bc73-9412c1ee22e8\n---\n\nHand-edited.\n' });
      }
    });
    const result = await runPublish(publishOptions({ servers: servers(), notion, remote, dataDir, reporter, pageId: overview, isDirectory: false }));
    const log = await servers().git.log(remote, BRANCH);
    expect(log.slice(0, 3).map((commit) => commit.sha)).toEqual([result.commits.translation, result.commits.export, elsewhere]);
    expect(result.head).toBe(log[0].sha);
    const clone = await cloneBack(servers().git, remote);
    expect(await readFile(join(clone, 'README.md'), 'utf8')).toBe('# Edited elsewhere\n');
    expect(await readFile(join(clone, 'docs/zcp/user-guide/monitoring.mdx'), 'utf8')).toContain('Hand-edited.');
    expect(await readFile(join(clone, 'docs/zcp/getting-started/overview.mdx'), 'utf8')).toContain('Overview, published while someone else pushed.');
    expect(reporter.updates.flatMap((update) => update.log ?? []).join('\n')).toContain('The remote had moved');
  });
});
