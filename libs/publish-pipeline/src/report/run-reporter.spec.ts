import type { PipelineUpdate } from '../pipeline.types';
import { messages } from './messages';
import { RunReporter } from './run-reporter';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('RunReporter', () => {
  it('delivers updates one after the other, in order, even from synchronous callbacks', async () => {
    const seen: string[] = [];
    const reporter = new RunReporter({
      report: async (update) => {
        await tick(); // a slow port: later updates must still wait
        seen.push(update.message ?? '');
      },
    });
    for (const message of ['a', 'b', 'c']) reporter.post({ message });
    await reporter.report({ message: 'd' });
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
  });

  it('delivers what was posted before close, and nothing posted after it (a callback firing once the run ended)', async () => {
    const seen: string[] = [];
    const reporter = new RunReporter({
      report: async (update) => {
        await tick();
        seen.push(update.message ?? '');
      },
    });
    reporter.post({ message: 'a' });
    reporter.post({ message: 'b' });
    await reporter.close();
    expect(seen).toEqual(['a', 'b']);
    reporter.post({ message: 'late' });
    await reporter.report({ message: 'later' });
    expect(seen).toEqual(['a', 'b']);
  });

  it('never lets progress go back, carries the step, counters and commits', async () => {
    const updates: PipelineUpdate[] = [];
    const reporter = new RunReporter({ report: async (update) => void updates.push(update) });
    await reporter.report({ status: 'exporting', export_progress: 40, total_progress: 20 });
    await reporter.report({ export_progress: 30, total_progress: 15 });
    reporter.count({ pages: 2, tokens: 10 });
    reporter.count({ tokens: 5 });
    await reporter.report({ counters: {}, commits: { export: 'abc' } });
    await reporter.report({ commits: { translation: 'def' } });
    expect(updates).toEqual([
      { status: 'exporting', export_progress: 40, total_progress: 20 },
      { status: 'exporting', export_progress: 40, total_progress: 20 },
      { status: 'exporting', counters: { pages: 2, assets: 0, segments: 0, tokens: 15, cache_hits: 0 }, commits: { export: 'abc' } },
      { status: 'exporting', commits: { export: 'abc', translation: 'def' } },
    ]);
    expect(reporter.step).toBe('exporting');
  });

  it('masks secrets in messages, log lines and warnings', async () => {
    const updates: PipelineUpdate[] = [];
    const reporter = new RunReporter({ report: async (update) => void updates.push(update) }, { secrets: ['tok_12345'] });
    const line = reporter.warn('saw tok_12345');
    await reporter.report({ message: 'with tok_12345', log: [line, `basic ${Buffer.from('tok_12345').toString('base64')}`] });
    expect(updates).toEqual([{ message: 'with ***', log: ['warning: saw ***', 'basic ***'] }]);
    expect(reporter.warnings).toEqual(['saw ***']);
  });

  it('stops delivering after the port fails, fires its signal and throws the failure on flush', async () => {
    const failure = new Error('stale attempt');
    const seen: string[] = [];
    const reporter = new RunReporter({
      report: async (update) => {
        if (update.message === 'b') throw failure;
        seen.push(update.message ?? '');
      },
    });
    reporter.post({ message: 'a' });
    reporter.post({ message: 'b' });
    reporter.post({ message: 'c' });
    await expect(reporter.flush()).rejects.toBe(failure);
    expect(seen).toEqual(['a']);
    expect(reporter.signal.aborted).toBe(true);
    expect(reporter.signal.reason).toBe(failure);
  });
});

describe('messages', () => {
  it("writes the original service's progress messages", () => {
    expect(messages.exportedPage(1, 3, 'install')).toBe('33.3%(1/3) - Exported page: install');
    expect(messages.translatedFile(2, 4, 'guide/install.mdx', 'ko')).toBe('50.0%(2/4) - install.mdx [ko]');
    expect(messages.translatedFile(0, 0, undefined, undefined)).toBe('0.0%(0/0) - Translating pages');
    expect(messages.exported(1)).toBe('Exported 1 files successfully');
    expect(messages.cloning('https://git.example/org/site.git', 'develop')).toBe('Cloning repository from https://git.example/org/site.git (branch: develop)');
    expect(messages.pushing('develop')).toBe('Pushing changes to remote repository (branch: develop)');
  });
});
