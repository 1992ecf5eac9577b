import { JobCancelledError } from '../src/errors';
import { JobCancellation } from '../src/job-cancel';
import { JobStore } from '../src/job.store';
import { redisFixture } from './redis-fixture';

const fixture = redisFixture();
const jobs = new JobStore({ redis: fixture.connect(), keyPrefix: fixture.prefix });
const api = new JobCancellation({ jobs });
// The worker runs in another process: its own connection.
const worker = new JobCancellation({ jobs: new JobStore({ redis: fixture.connect(), keyPrefix: fixture.prefix }) });

afterAll(() => fixture.cleanup());

const aborted = (signal: AbortSignal) => new Promise<unknown>((resolve) => signal.addEventListener('abort', () => resolve(signal.reason), { once: true }));

describe('job cancel flag', () => {
  it('turns a cancel request into an aborted signal in the worker, then a cancelled job once acknowledged', async () => {
    await jobs.create({ job_id: 'c-active' });
    await jobs.start('c-active');
    await jobs.update('c-active', { status: 'translating' });
    const signal = worker.cancelSignal('c-active', { pollMs: 20 });
    const reason = aborted(signal);
    expect(signal.aborted).toBe(false);
    const request = await api.requestCancel('c-active');
    expect(request.outcome).toBe('requested');
    expect(request.job).toMatchObject({ status: 'cancel_requested', cancel_requested_at: expect.any(String) });
    expect(await reason).toBeInstanceOf(JobCancelledError);
    expect(await worker.isCancelRequested('c-active')).toBe(true);
    expect((await api.requestCancel('c-active')).outcome).toBe('already_requested');
    const acknowledged = await worker.acknowledgeCancel('c-active');
    expect(acknowledged).toMatchObject({ status: 'cancelled', failure_reason: 'cancelled', finished_at: expect.any(String) });
  });

  it('keeps the flag across a re-run of the job (durable), so the new attempt stops too', async () => {
    await jobs.create({ job_id: 'c-durable' });
    await jobs.start('c-durable', { worker: 'pod-a' });
    await api.requestCancel('c-durable');
    await jobs.start('c-durable', { worker: 'pod-b' }); // pod-a died; the job is re-run
    const signal = worker.cancelSignal('c-durable', { pollMs: 20 });
    expect(await aborted(signal)).toMatchObject({ code: 'cancel_requested', jobId: 'c-durable' });
  });

  it('does nothing for a finished job, and a queued job can be cancelled before any worker starts it', async () => {
    await jobs.create({ job_id: 'c-done' });
    await jobs.update('c-done', { status: 'failed' });
    expect((await api.requestCancel('c-done')).outcome).toBe('already_finished');
    expect(await api.isCancelRequested('c-done')).toBe(false);
    await jobs.create({ job_id: 'c-queued' });
    expect((await api.requestCancel('c-queued')).job.status).toBe('cancel_requested');
    await expect(api.requestCancel('c-missing')).rejects.toMatchObject({ code: 'job_not_found' });
  });

  it('stops polling and passes on the reason when the caller aborts first', async () => {
    await jobs.create({ job_id: 'c-parent' });
    const parent = new AbortController();
    const signal = worker.cancelSignal('c-parent', { pollMs: 20, signal: parent.signal });
    parent.abort(new Error('shutdown'));
    expect(signal.aborted).toBe(true);
    expect((signal.reason as Error).message).toBe('shutdown');
  });
});
