import { toJobUpdate } from './job-record.reporter';

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
