import { describeFailure } from './pipeline-failure';

const redact = (text: string) => text.split('tok3n').join('***');

describe('describeFailure', () => {
  it('keeps the pipeline error reason, code and step, masking secrets', () => {
    const error = Object.assign(new Error('Repository access failed: refused tok3n'), { name: 'PipelineError', reason: 'repository_access_failed', step: 'checking_repo', code: 'auth_failed' });
    expect(describeFailure(error, 'exporting', redact)).toEqual({
      reason: 'repository_access_failed',
      failure: { code: 'auth_failed', step: 'checking_repo', message: 'Repository access failed: refused ***' },
      message: 'Repository access failed: refused ***',
    });
  });

  it('falls back to the last reported step, and to unknown_error for anything else', () => {
    const noStep = Object.assign(new Error('bad id'), { name: 'PipelineError', reason: 'invalid_page_id', step: null, code: 'invalid_page_id' });
    expect(describeFailure(noStep, 'started', redact).failure.step).toBe('started');
    expect(describeFailure(Object.assign(new Error('ECONNRESET'), { code: 'ECONNRESET' }), 'translating', redact)).toEqual({
      reason: 'unknown_error',
      failure: { code: 'ECONNRESET', step: 'translating', message: 'ECONNRESET' },
      message: 'Publication failed: ECONNRESET',
    });
    expect(describeFailure('boom', null, redact)).toEqual({ reason: 'unknown_error', failure: { code: 'unknown_error', step: null, message: 'boom' }, message: 'Publication failed: boom' });
  });

  it('does not let a pipeline "cancelled" stand as a failure reason', () => {
    const error = Object.assign(new Error('aborted'), { name: 'PipelineError', reason: 'cancelled', step: 'exporting', code: 'aborted' });
    expect(describeFailure(error, null, redact)).toMatchObject({ reason: 'unknown_error', message: 'Publication failed: aborted' });
  });
});
