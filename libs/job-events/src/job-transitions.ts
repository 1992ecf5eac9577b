import type { JobState } from './job-state';
import { isTerminalJobState } from './job-state';

/**
 * The working steps in the order a publish goes through them (ARCHITECTURE.md, Jobs):
 * `started → checking_repo → cloning | pulling → exporting → export_commit → translating →
 * translation_commit → pushing`. Equal ranks are alternatives (a working copy is cloned or pulled, and
 * re-cloned when pulling fails). The original's extra steps sit where the original ran them.
 */
const STEP_RANK: Partial<Record<JobState, number>> = {
  started: 0,
  checking_repo: 1,
  cleaning_up: 2,
  cloning: 3,
  pulling: 3,
  moving_repo: 4,
  removing_old_files: 5,
  exporting_content: 6,
  exporting: 7,
  export_commit: 8,
  ensuring_images: 9,
  preparing_translation: 10,
  translating: 11,
  translation_commit: 12,
  pushing: 13,
};

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
 * - a working step → the same step, a later step (steps may be skipped: no translation, nothing to
 *   commit), `completed`, `failed`, `cancel_requested`, `cancelled`; never an earlier step (a stale or
 *   out-of-order report) — a new attempt starts over through `JobStore.start`;
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
  if (isTerminalJobState(to) || to === 'cancel_requested') return 'allow';
  return (STEP_RANK[to] ?? -1) >= (STEP_RANK[from] ?? 0) && to !== 'started' ? 'allow' : 'reject';
}

/** Whether an update from `from` to `to` is accepted (`allow` or `keep`). */
export function canTransition(from: JobState, to: JobState): boolean {
  return transitionVerdict(from, to) !== 'reject';
}

/** A new attempt (`JobStore.start`) is allowed from any state that is not terminal. */
export function canStartAttempt(from: JobState): boolean {
  return !isTerminalJobState(from);
}
