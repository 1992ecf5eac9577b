import * as git from 'isomorphic-git';
import { isNonFastForward, pushRejectionReason } from '../errors/error-classifier';
import { GitPublisherError } from '../errors/git-publisher-error';
import type { GitContext } from './git-context';
import type { CommitOptions, PushOptions, PushResult } from './repository.types';
import { headOf } from './working-copy-reset';

/** A commit made since the last sync, remembered so it can be made again on the new remote tip. */
export interface PendingCommit {
  options: CommitOptions;
  sha: string;
}

/** What the push needs from the repository it belongs to. */
export interface PushSteps {
  /** The commits made since the last successful sync, oldest first. */
  pending(): readonly PendingCommit[];
  setPending(commits: readonly PendingCommit[]): void;
  /** Syncs with the remote, keeping the pending commits (to re-make them). */
  resync(): Promise<unknown>;
  /** Commits, without recording the commit as pending. */
  commit(options: CommitOptions): Promise<string | null>;
}

type Reapply = NonNullable<PushOptions['reapply']>;

const DEFAULT_MAX_ATTEMPTS = 3;

async function remoteTipOf(context: GitContext): Promise<string | null> {
  try {
    return await git.resolveRef({ fs: context.fs, dir: context.dir, ref: `refs/remotes/origin/${context.branch}` });
  } catch {
    return null;
  }
}

function maxAttemptsOf(options: PushOptions): number {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new GitPublisherError('invalid_option', 'maxAttempts must be a positive integer', {
      operation: 'push',
      option: 'maxAttempts',
    });
  }
  return maxAttempts;
}

/**
 * Whether HEAD no longer ends with the pending commits, in order: a re-sync reset the branch and then failed
 * (or `reapply` threw), possibly with other commits made on the remote tip since.
 */
async function wereDiscarded(context: GitContext, steps: PushSteps): Promise<boolean> {
  const pending = steps.pending();
  let oid = await headOf(context);
  try {
    for (let index = pending.length - 1; index >= 0; index -= 1) {
      if (oid === null || oid !== pending[index]?.sha) return true;
      const { commit } = await git.readCommit({ fs: context.fs, dir: context.dir, cache: context.cache, oid });
      oid = commit.parent[0] ?? null;
    }
  } catch {
    return true;
  }
  return false;
}

/**
 * Syncs to the remote tip, lets the caller write its files again and re-makes the pending commits (each dropped
 * when it no longer changes anything). They stay pending as they were until all of that succeeded.
 */
async function remake(context: GitContext, steps: PushSteps, reapply: Reapply, attempt: number): Promise<void> {
  const replay = steps.pending();
  await steps.resync();
  context.checkpoint('push');
  await reapply({ attempt, signal: context.signal });
  const remade: PendingCommit[] = [];
  for (const { options } of replay) {
    const sha = await steps.commit(options);
    if (sha !== null) remade.push({ options, sha });
  }
  steps.setPending(remade);
}

/**
 * Pushes without ever forcing. When the remote branch moved: syncs to its new tip, lets the caller write its
 * files again (`reapply`), re-makes the pending commits (skipping those left with no change) and tries
 * again, `maxAttempts` pushes in all; then `push_rejected`. Pending commits a failed sync discarded are re-made
 * the same way before the first push (without `reapply`: `conflict`), never silently dropped.
 */
export async function pushWithRetry(context: GitContext, steps: PushSteps, options: PushOptions): Promise<PushResult> {
  const maxAttempts = maxAttemptsOf(options);
  const { reapply } = options;
  if (await wereDiscarded(context, steps)) {
    if (reapply === undefined) {
      const message = `The commits to push to ${context.key} were discarded by a sync that did not finish: push with reapply, or run the job again`;
      throw new GitPublisherError('conflict', message, { operation: 'push', repository: context.key });
    }
    context.log('warn', 'the commits to push were discarded by a failed sync: making them again');
    await remake(context, steps, reapply, 1);
  }
  for (let attempt = 1; ; attempt += 1) {
    const head = await headOf(context);
    if (head === null || head === (await remoteTipOf(context))) {
      return { pushed: false, head, attempts: attempt - 1, commits: [] };
    }
    context.checkpoint('push');
    try {
      await git.push({ ...context.remote, remote: 'origin', ref: context.branch, remoteRef: context.branch });
      const commits = steps.pending().map((commit) => commit.sha);
      context.log('info', 'pushed', { head, attempt, commits: commits.length });
      return { pushed: true, head, attempts: attempt, commits };
    } catch (error) {
      if (!isNonFastForward(error)) throw context.classify(error, 'push');
      const rawReason = pushRejectionReason(error);
      const reason = rawReason === undefined ? undefined : context.scrub(rawReason);
      context.log('warn', 'push rejected: the remote branch moved', { attempt, reason });
      if (reapply === undefined || attempt >= maxAttempts) {
        throw new GitPublisherError(
          'push_rejected',
          `The push to ${context.key} was rejected ${attempt} time(s): the remote branch kept moving`,
          { operation: 'push', repository: context.key, attempts: attempt, ...(reason ? { reason } : {}) },
        );
      }
    }
    await remake(context, steps, reapply, attempt + 1);
  }
}
