import { LineReporter } from './line-reporter';

function setup() {
  let out = '';
  let now = Date.UTC(2026, 0, 2, 3, 4, 5);
  const reporter = new LineReporter({ out: { write: (text) => void (out += text) }, now: () => now });
  return {
    reporter,
    advance: (ms: number) => (now += ms),
    lines: () => out.split('\n').filter(Boolean),
    raw: () => out,
  };
}

describe('LineReporter (not a terminal)', () => {
  it('prints a timestamped line per step start and end, and throttled progress in between', async () => {
    const { reporter, advance, lines, raw } = setup();
    await reporter.report({ status: 'checking_repo', message: 'Checking the repository' });
    advance(300);
    await reporter.report({ status: 'exporting', message: 'Reading the page tree', export_progress: 0, total_progress: 0 });
    for (let page = 1; page <= 10; page += 1) {
      advance(100);
      await reporter.report({ message: `Exporting page ${page}/10`, export_progress: page * 10, counters: { pages: page } });
    }
    advance(200);
    await reporter.report({ status: 'translating', translation_progress: 0, counters: { segments: 0 } });
    advance(1000);
    await reporter.report({ translation_progress: 4, counters: { segments: 3, tokens: 120, cache_hits: 1 } });
    advance(5000);
    await reporter.report({ translation_progress: 5, counters: { segments: 4, tokens: 160, cache_hits: 1 } });
    advance(1000);
    reporter.finish('completed');

    expect(raw()).not.toContain('\u001b');
    expect(lines()).toEqual([
      '2026-01-02T03:04:05.000Z checking_repo: started  Checking the repository',
      '2026-01-02T03:04:05.300Z checking_repo: done in 300 ms',
      '2026-01-02T03:04:05.300Z exporting: started  Reading the page tree',
      '2026-01-02T03:04:05.400Z exporting: 10%  pages 1 · assets 0  Exporting page 1/10',
      '2026-01-02T03:04:05.500Z exporting: 20%  pages 2 · assets 0  Exporting page 2/10',
      '2026-01-02T03:04:05.600Z exporting: 30%  pages 3 · assets 0  Exporting page 3/10',
      '2026-01-02T03:04:05.700Z exporting: 40%  pages 4 · assets 0  Exporting page 4/10',
      '2026-01-02T03:04:05.800Z exporting: 50%  pages 5 · assets 0  Exporting page 5/10',
      '2026-01-02T03:04:05.900Z exporting: 60%  pages 6 · assets 0  Exporting page 6/10',
      '2026-01-02T03:04:06.000Z exporting: 70%  pages 7 · assets 0  Exporting page 7/10',
      '2026-01-02T03:04:06.100Z exporting: 80%  pages 8 · assets 0  Exporting page 8/10',
      '2026-01-02T03:04:06.200Z exporting: 90%  pages 9 · assets 0  Exporting page 9/10',
      '2026-01-02T03:04:06.300Z exporting: 100%  pages 10 · assets 0  Exporting page 10/10',
      '2026-01-02T03:04:06.500Z exporting: done in 1.2 s  pages 10 · assets 0',
      '2026-01-02T03:04:06.500Z translating: started',
      // 4 % after 1 s: neither 10 points nor 5 s since the last line → skipped; 5 s later it is printed.
      '2026-01-02T03:04:12.500Z translating: 5%  segments 4 · tokens 160 · cache hits 1',
      '2026-01-02T03:04:13.500Z translating: done in 7.0 s  segments 4 · tokens 160 · cache hits 1',
    ]);
  });

  it('shows no counters before the pipeline counted them (a crawl or a translation still running)', async () => {
    const { reporter, advance, lines } = setup();
    await reporter.report({ status: 'exporting', message: 'Exporting content from Notion...', export_progress: 0 });
    advance(100);
    await reporter.report({ message: '28.6%(2/7) - Exported page: guide', export_progress: 25.7 });
    advance(100);
    await reporter.report({ message: '58.8%(20/34) - Exported page: faq', export_progress: 52.9 });
    advance(100);
    await reporter.report({ message: 'Exported 44 files successfully', export_progress: 100, counters: { pages: 34, assets: 5 } });
    advance(100);
    reporter.finish('completed');
    expect(lines()).toEqual([
      '2026-01-02T03:04:05.000Z exporting: started  Exporting content from Notion...',
      '2026-01-02T03:04:05.100Z exporting: 25%  28.6%(2/7) - Exported page: guide',
      '2026-01-02T03:04:05.200Z exporting: 52%  58.8%(20/34) - Exported page: faq',
      '2026-01-02T03:04:05.300Z exporting: 100%  pages 34 · assets 5  Exported 44 files successfully',
      '2026-01-02T03:04:05.400Z exporting: done in 400 ms  pages 34 · assets 5',
    ]);
  });

  it('shows the commit a commit step made, and how a failed or cancelled run ended', async () => {
    const { reporter, advance, lines } = setup();
    await reporter.report({ status: 'export_commit' });
    advance(50);
    await reporter.report({ commits: { export: '0123456789abcdef0123456789abcdef01234567' } });
    await reporter.report({ status: 'pushing', message: 'Pushing 2 commits' });
    advance(2500);
    reporter.finish('failed');
    expect(lines()).toEqual([
      '2026-01-02T03:04:05.000Z export_commit: started',
      '2026-01-02T03:04:05.050Z export_commit: done in 50 ms  commit 0123456',
      '2026-01-02T03:04:05.050Z pushing: started  Pushing 2 commits',
      '2026-01-02T03:04:07.550Z pushing: failed in 2.5 s',
    ]);
  });

  it('prints log lines only when verbose, and a message before the first step as it is', async () => {
    let out = '';
    const reporter = new LineReporter({ out: { write: (text) => void (out += text) }, now: () => 0, verbose: true });
    await reporter.report({ message: 'Loading settings' });
    await reporter.report({ status: 'cloning', log: ['cloned https://git.example/site#main'] });
    reporter.finish('cancelled');
    expect(out.split('\n').filter(Boolean)).toEqual([
      '1970-01-01T00:00:00.000Z Loading settings',
      '1970-01-01T00:00:00.000Z cloning: started',
      '1970-01-01T00:00:00.000Z log: cloned https://git.example/site#main',
      '1970-01-01T00:00:00.000Z cloning: cancelled in 0 ms',
    ]);
  });
});
