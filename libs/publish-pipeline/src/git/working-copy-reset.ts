import { openRepository } from '@zmp-manual/git-publisher';
import type { RepositoryOptions } from '@zmp-manual/git-publisher';

/** How long the reset after a failed or cancelled run may take. */
export const RESET_TIMEOUT_MS = 60_000;

/**
 * Puts the working copy back on the remote tip (hard reset, untracked files removed, unpushed commits
 * dropped) after a run that failed or was cancelled, with its own time-limited signal (the run's own has
 * usually fired). Never throws: resolves with a log line saying what happened (a failed reset does no harm,
 * the next run's sync resets the working copy anyway).
 */
export async function resetWorkingCopy(options: RepositoryOptions, timeoutMs = RESET_TIMEOUT_MS): Promise<string> {
  try {
    const repository = await openRepository({ ...options, signal: AbortSignal.timeout(timeoutMs) });
    return `Working copy reset to the remote (${repository.lastSync?.action ?? 'synced'})`;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    return `Working copy could not be reset to the remote (${typeof code === 'string' ? code : 'error'}); the next run resets it`;
  }
}
