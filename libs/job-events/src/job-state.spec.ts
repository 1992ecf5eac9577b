import { isJobState, isTerminalJobState, JOB_STATES, LEGACY_JOB_STATES } from './job-state';

describe('job states', () => {
  it("has exactly the architecture's states plus the original's extra step values", () => {
    const ours = ['queued', 'started', 'checking_repo', 'cloning', 'pulling', 'exporting', 'export_commit', 'translating', 'translation_commit', 'pushing', 'completed', 'failed', 'cancel_requested', 'cancelled'];
    expect([...JOB_STATES].sort()).toEqual([...ours, ...LEGACY_JOB_STATES].sort());
  });

  it("accepts the original's extra step values when read", () => {
    for (const state of ['moving_repo', 'cleaning_up', 'removing_old_files', 'exporting_content', 'ensuring_images', 'preparing_translation', 'pulling']) {
      expect(isJobState(state)).toBe(true);
    }
    expect([...LEGACY_JOB_STATES].sort()).toEqual(['cleaning_up', 'ensuring_images', 'exporting_content', 'moving_repo', 'preparing_translation', 'removing_old_files']);
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
