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
  pending(): readonly PendingCommit[];
  sync(): Promise<unknown>;
  commit(options: CommitOptions): Promise<string | null>;
}

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
 * Pushes without ever forcing. When the remote branch moved: syncs to its new tip, lets the caller write its
 * files again (`reapply`), re-makes the pending commits (skipping those left with no change) and tries
 * again, `maxAttempts` pushes in all; then `push_rejected`.
 */
export async function pushWithRetry(context: GitContext, steps: PushSteps, options: PushOptions): Promise<PushResult> {
  const maxAttempts = maxAttemptsOf(options);
  const { reapply } = options;
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
    const replay = steps.pending().map((commit) => commit.options);
    await steps.sync();
    context.checkpoint('push');
    await reapply({ attempt: attempt + 1, signal: context.signal });
    for (const commit of replay) await steps.commit(commit);
  }
}
