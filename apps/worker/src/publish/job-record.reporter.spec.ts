import type { JobStore, JobUpdate } from '@zmp-manual/job-events';
import { JobRecordReporter, toJobUpdate, withLandedCommitsOnly } from './job-record.reporter';

describe('toJobUpdate', () => {
  it('maps every field of a pipeline update onto a job update of the attempt', () => {
    expect(
      toJobUpdate(
        {
          status: 'exporting',
          message: '33.3%(1/3) - Exported page: install',
          export_progress: 33.3,
          translation_progress: 0,
          total_progress: 16.7,
          export_files: 1,
          counters: { pages: 1, assets: 2 },
          commits: { export: 'a'.repeat(40) },
          log: ['Exported page: install'],
        },
        2,
      ),
    ).toEqual({
      attempt: 2,
      status: 'exporting',
      message: '33.3%(1/3) - Exported page: install',
      export_progress: 33.3,
      translation_progress: 0,
      total_progress: 16.7,
      export_files: 1,
      counters: { pages: 1, assets: 2 },
      commits: { export: 'a'.repeat(40) },
      log: ['Exported page: install'],
    });
  });

  it('sends only what the update carries', () => {
    expect(toJobUpdate({ translation_progress: 50, total_progress: 75 }, 1)).toEqual({ attempt: 1, translation_progress: 50, total_progress: 75 });
    expect(toJobUpdate({ log: [] }, 1)).toEqual({ attempt: 1 });
  });

  it('masks secrets in the message and the log, and drops empty commit shas', () => {
    const redact = (text: string) => text.replace('ghp_123456', '***');
    expect(toJobUpdate({ message: 'auth ghp_123456', log: ['token ghp_123456'], commits: { export: '', translation: 'b'.repeat(40) } }, 1, redact)).toEqual({
      attempt: 1,
      message: 'auth ***',
      log: ['token ***'],
      commits: { translation: 'b'.repeat(40) },
    });
  });
});

describe('JobRecordReporter', () => {
  const commits = { export: 'e'.repeat(40), translation: 't'.repeat(40) };

  /** The patches a run sends, through a JobStore stand-in that records them. */
  function reporterWithPatches() {
    const patches: JobUpdate[] = [];
    const jobs = { update: async (_jobId: string, patch: JobUpdate) => void patches.push(patch) } as unknown as JobStore;
    const reporter = new JobRecordReporter({ jobs, jobId: 'job-1', attempt: 1, redactor: { redact: (text) => text }, onStale: () => undefined });
    return { reporter, patches };
  }

  it('keeps the shas of commits not pushed yet off the record, and records them once the push went through', async () => {
    const { reporter, patches } = reporterWithPatches();
    await reporter.report({ status: 'export_commit', commits: { export: commits.export }, log: ['Committed eeeeeee docs(zcp): …'] });
    await reporter.report({ status: 'translation_commit', commits, log: ['Committed ttttttt i18n(zcp): …'] });
    await reporter.report({ status: 'pushing', message: 'Pushing to main' });
    expect(patches.map((patch) => patch.commits)).toEqual([undefined, undefined, undefined]);
    expect(patches[0]).toEqual({ attempt: 1, status: 'export_commit', log: ['Committed eeeeeee docs(zcp): …'] });

    await reporter.report({ status: 'pushing', commits, log: ['Pushed 2 commit(s)'] });
    expect(patches.at(-1)).toEqual({ attempt: 1, status: 'pushing', commits, log: ['Pushed 2 commit(s)'] });
  });

  it('passes the step on to a failure that names none', async () => {
    const { reporter } = reporterWithPatches();
    await reporter.report({ status: 'translating', translation_progress: 10 });
    await reporter.report({ translation_progress: 20 });
    expect(reporter.lastStep).toBe('translating');
  });
});

describe('withLandedCommitsOnly', () => {
  it('drops commits outside the pushing step and leaves every other field', () => {
    expect(withLandedCommitsOnly({ status: 'export_commit', commits: { export: 'a' }, message: 'm' }, 'export_commit')).toEqual({ status: 'export_commit', message: 'm' });
    expect(withLandedCommitsOnly({ commits: { export: 'a' } }, 'pushing')).toEqual({ commits: { export: 'a' } });
    const plain = { message: 'm' };
    expect(withLandedCommitsOnly(plain, 'translating')).toBe(plain);
  });
});
