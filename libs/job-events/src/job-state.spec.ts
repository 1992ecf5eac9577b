import { isJobState, isTerminalJobState, JOB_STATES } from './job-state';

describe('job states', () => {
  it('keeps the original service wire values', () => {
    expect(JOB_STATES).toContain('translation_commit');
    expect(JOB_STATES).toContain('cancel_requested');
  });

  it('recognises only known states', () => {
    expect(isJobState('exporting')).toBe(true);
    expect(isJobState('EXPORTING')).toBe(false);
    expect(isJobState(3)).toBe(false);
  });

  it('treats completed, failed and cancelled as terminal, nothing else', () => {
    expect(JOB_STATES.filter(isTerminalJobState)).toEqual(['completed', 'failed', 'cancelled']);
  });
});
