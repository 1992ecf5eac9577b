import { JOB_STATES, TERMINAL_JOB_STATES } from './job-state';
import { canStartAttempt, canTransition, transitionVerdict } from './job-transitions';

describe('job transition table', () => {
  it('lets a terminal job accept nothing, not even its own state', () => {
    for (const from of TERMINAL_JOB_STATES) for (const to of JOB_STATES) expect(canTransition(from, to)).toBe(false);
    for (const from of TERMINAL_JOB_STATES) expect(canStartAttempt(from)).toBe(false);
  });

  it('moves a queued job only to started, cancel_requested, cancelled or failed', () => {
    expect(JOB_STATES.filter((to) => canTransition('queued', to))).toEqual(['queued', 'started', 'failed', 'cancel_requested', 'cancelled']);
  });

  it('lets a working job move between steps (original steps included) and end, but never go back to queued or started', () => {
    expect(canTransition('exporting', 'checking_repo')).toBe(true);
    expect(canTransition('export_commit', 'moving_repo')).toBe(true);
    expect(canTransition('pushing', 'completed')).toBe(true);
    expect(canTransition('translating', 'queued')).toBe(false);
    expect(canTransition('translating', 'started')).toBe(false);
    expect(canStartAttempt('translating')).toBe(true); // a re-run goes through start
  });

  it('keeps cancel_requested while a worker reports steps, and lets it end any way', () => {
    expect(transitionVerdict('cancel_requested', 'pushing')).toBe('keep');
    expect(transitionVerdict('cancel_requested', 'cancelled')).toBe('allow');
    expect(transitionVerdict('cancel_requested', 'completed')).toBe('allow');
    expect(transitionVerdict('cancel_requested', 'queued')).toBe('reject');
  });
});
