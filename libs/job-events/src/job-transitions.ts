import type { JobState } from './job-state';
import { isTerminalJobState } from './job-state';

/**
 * What an update asking for state `to` does to a job in state `from`:
 * - `allow`: the job moves to `to`;
 * - `keep`: the job stays `cancel_requested` (a worker still reporting a step before it has seen the cancel
 *   flag: its other fields — progress, message, log — are applied, the cancel is not forgotten);
 * - `reject`: the update is refused (`illegal_transition`).
 *
 * The table:
 * - a terminal job (`completed`, `failed`, `cancelled`) accepts nothing, not even a same-state update;
 * - `queued` → `started`, `cancel_requested`, `cancelled`, `failed` (and `queued` itself);
 * - a working step (`started`, `checking_repo`, … `pushing`) → any working step except back to `started`
 *   (a new attempt goes through `JobStore.start`), or `completed`, `failed`, `cancel_requested`, `cancelled`;
 * - `cancel_requested` → `completed` (the cancel came too late), `failed`, `cancelled`; a working step is `keep`.
 * Nothing goes back to `queued`.
 */
export type TransitionVerdict = 'allow' | 'keep' | 'reject';

export function transitionVerdict(from: JobState, to: JobState): TransitionVerdict {
  if (isTerminalJobState(from)) return 'reject';
  if (from === to) return 'allow';
  if (to === 'queued') return 'reject';
  if (from === 'queued') return to === 'started' || to === 'cancel_requested' || to === 'cancelled' || to === 'failed' ? 'allow' : 'reject';
  if (from === 'cancel_requested') return isTerminalJobState(to) ? 'allow' : 'keep';
  return to === 'started' ? 'reject' : 'allow';
}

/** Whether an update from `from` to `to` is accepted (`allow` or `keep`). */
export function canTransition(from: JobState, to: JobState): boolean {
  return transitionVerdict(from, to) !== 'reject';
}

/** A new attempt (`JobStore.start`) is allowed from any state that is not terminal. */
export function canStartAttempt(from: JobState): boolean {
  return !isTerminalJobState(from);
}
