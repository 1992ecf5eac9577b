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

  it('moves a working job forward along the publish flow, skipping steps when needed, never back', () => {
    const flow = ['started', 'checking_repo', 'cloning', 'exporting', 'export_commit', 'translating', 'translation_commit', 'pushing', 'completed'] as const;
    for (let i = 0; i + 1 < flow.length; i += 1) expect(transitionVerdict(flow[i], flow[i + 1])).toBe('allow');
    expect(canTransition('checking_repo', 'pulling')).toBe(true);
    expect(canTransition('pulling', 'cloning')).toBe(true); // a broken working copy is cloned again
    expect(canTransition('exporting', 'exporting')).toBe(true); // progress within a step
    expect(canTransition('export_commit', 'pushing')).toBe(true); // no target language
    expect(canTransition('exporting', 'completed')).toBe(true); // nothing to commit or push
    // A late report of an earlier step (a stale progress callback) is refused.
    expect(canTransition('export_commit', 'exporting')).toBe(false);
    expect(canTransition('pushing', 'translating')).toBe(false);
    expect(canTransition('exporting', 'checking_repo')).toBe(false);
    expect(canTransition('translating', 'queued')).toBe(false);
    expect(canTransition('translating', 'started')).toBe(false);
    expect(canStartAttempt('translating')).toBe(true); // a re-run goes through start
  });

  it('lets any working step fail, be cancelled or have a cancel requested', () => {
    const working = JOB_STATES.filter((s) => !TERMINAL_JOB_STATES.includes(s) && s !== 'queued' && s !== 'cancel_requested');
    for (const from of working) for (const to of ['failed', 'cancel_requested', 'cancelled'] as const) expect(transitionVerdict(from, to)).toBe('allow');
  });

  it('keeps cancel_requested while a worker reports steps, and lets it end any way', () => {
    expect(transitionVerdict('cancel_requested', 'pushing')).toBe('keep');
    expect(transitionVerdict('cancel_requested', 'cancelled')).toBe('allow');
    expect(transitionVerdict('cancel_requested', 'completed')).toBe('allow');
    expect(transitionVerdict('cancel_requested', 'queued')).toBe('reject');
  });
});
