import { newJobRecord, toPublishStatus } from './job-record';
import { applyJobUpdate, requestCancelOf, startAttempt } from './job-update';

const t0 = '2025-05-20T10:00:00.000Z';
const t1 = '2025-05-20T10:00:01.000Z';
const queued = () => newJobRecord({ job_id: 'j', notion_page_id: 'p', solution: 'zcp', initiated_by: 'ann', title: 'install', is_directory: true, parent_id: 'root', target_languages: ['ko'] }, t0);

describe('job record', () => {
  it("projects exactly the original's 14 PublishStatus keys, in its order", () => {
    const record = { ...queued(), worker: 'pod', log: ['x'] };
    expect(JSON.stringify(toPublishStatus(record))).toBe(
      '{"job_id":"j","status":"queued","message":null,"total_progress":0,"failure_reason":null,"export_progress":0,"translation_progress":0,"export_files":0,"notion_page_id":"p","solution":"zcp","initiated_by":"ann","title":"install","is_directory":true,"parent_id":"root"}',
    );
  });

  it('puts our fields after the wire fields', () => {
    expect(Object.keys(queued()).slice(14)).toEqual([
      'created_at', 'started_at', 'finished_at', 'updated_at', 'worker', 'attempt', 'counters', 'commits', 'artifact', 'log', 'failure', 'target_languages', 'cancel_requested_at', 'callbacks',
    ]);
  });

  it('applies an update: timestamps, clamped progress, merged counters and commits, bounded log', () => {
    const started = startAttempt(queued(), 'pod-a', null, t1);
    const next = applyJobUpdate(started, { status: 'exporting', total_progress: 120, counters: { pages: 3 }, commits: { export: 'abc' }, log: ['1', '2', '3'] }, t1, 2);
    expect(next).toMatchObject({ status: 'exporting', total_progress: 100, counters: { pages: 3, assets: 0 }, commits: { export: 'abc' }, log: ['2', '3'], started_at: t1, updated_at: t1, attempt: 1 });
    const done = applyJobUpdate(next, { status: 'completed', commits: { translation: 'def' } }, t1, 2);
    expect(done).toMatchObject({ finished_at: t1, total_progress: 100, translation_progress: 100, commits: { export: 'abc', translation: 'def' } });
  });

  it('fills the failure reason of a failed or cancelled job when none is given', () => {
    expect(applyJobUpdate(queued(), { status: 'failed' }, t1, 10).failure_reason).toBe('unknown_error');
    expect(applyJobUpdate(queued(), { status: 'cancelled' }, t1, 10).failure_reason).toBe('cancelled');
  });

  it('starts a re-run over as a new attempt', () => {
    const first = applyJobUpdate(startAttempt(queued(), 'a', null, t0), { status: 'translating', translation_progress: 40, failure: { code: 'x', step: 's', message: 'm' } }, t0, 10);
    expect(startAttempt(first, 'b', 'again', t1)).toMatchObject({ status: 'started', attempt: 2, worker: 'b', translation_progress: 0, failure: null, started_at: t1, message: 'again' });
  });

  it('records a cancel request once, and never on a finished job', () => {
    const requested = requestCancelOf(queued(), t1)!;
    expect(requested).toMatchObject({ status: 'cancel_requested', cancel_requested_at: t1 });
    expect(requestCancelOf(requested, t1)).toBeNull();
    expect(requestCancelOf(applyJobUpdate(queued(), { status: 'failed' }, t1, 10), t1)).toBeNull();
  });
});
