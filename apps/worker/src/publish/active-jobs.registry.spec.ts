import { ActiveJobs } from './active-jobs.registry';

describe('ActiveJobs', () => {
  it('is idle with no job, and becomes idle when the last job is done', async () => {
    const jobs = new ActiveJobs();
    await expect(jobs.whenIdle(10)).resolves.toBe(true);
    const a = jobs.register('a');
    const b = jobs.register('b');
    expect(jobs.jobIds).toEqual(['a', 'b']);
    const idle = jobs.whenIdle(5_000);
    a.done();
    a.done();
    expect(jobs.size).toBe(1);
    b.done();
    await expect(idle).resolves.toBe(true);
  });

  it('answers false when jobs outlast the wait', async () => {
    const jobs = new ActiveJobs();
    jobs.register('a');
    await expect(jobs.whenIdle(5)).resolves.toBe(false);
  });

  it('aborts running jobs, and any registered afterwards, with the given reason', () => {
    const jobs = new ActiveJobs();
    const running = jobs.register('a');
    const reason = new Error('shutdown');
    jobs.abortAll(reason);
    expect(running.shutdownSignal.reason).toBe(reason);
    expect(jobs.register('late').shutdownSignal.aborted).toBe(true);
  });
});
