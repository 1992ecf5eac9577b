import { openRepository, redactUrl } from '@zmp-manual/git-publisher';
import type { GitPublisherLogger, LockHandle, Repository, RepositoryOptions } from '@zmp-manual/git-publisher';
import { toPipelineError } from '../errors/failure-mapping';
import { shortSha } from '../git/commit-messages';
import { hasWorkingCopy, workingCopyDir } from '../git/working-copy';
import { resetWorkingCopy } from '../git/working-copy-reset';
import type { PipelineLogger, PublishResult, RunPublishOptions } from '../pipeline.types';
import { messages } from '../report/messages';
import type { RunReporter } from '../report/run-reporter';
import { runSignal } from '../run/run-guard';
import { publishInWorkingCopy } from './publish-steps';

export interface LockedRun {
  options: RunPublishOptions;
  reporter: RunReporter;
  handle: LockHandle;
  /** `repositoryKey(url, branch)`. */
  key: string;
  /** The asked page and the solution's root page, dashed. */
  pageId: string;
  rootPageId: string;
  languages: string[];
  secrets: string[];
}

/** git-publisher's log lines on the run's logger, secrets masked (git-publisher writes none, but a host's text may). */
function gitLogger(logger: PipelineLogger | undefined, reporter: RunReporter): GitPublisherLogger | undefined {
  if (logger === undefined) return undefined;
  return {
    info: (message, fields) => logger.info(reporter.mask(`git: ${message}`), fields),
    warn: (message, fields) => logger.warn(reporter.mask(`git: ${message}`), fields),
  };
}

/**
 * The part of a publish that holds the repository lock: sync, export and first write, export commit,
 * translation and second write, translation commit, push. On failure the working copy is reset to the
 * remote before the lock goes (unless the lock was lost: then the working copy is someone else's).
 */
export async function publishLocked(run: LockedRun): Promise<PublishResult> {
  const { options, reporter, handle } = run;
  const { solution } = options;
  const { url, branch, auth } = solution.repository;
  // Fired on failure, before the reset: work a library left running (sibling requests) stops at once.
  const stop = new AbortController();
  const signal = runSignal(reporter, options.signal, handle.signal, stop.signal);
  const dir = workingCopyDir(options.dataDir, run.key);
  const repositoryOptions: RepositoryOptions = { dir, url, branch, auth, author: options.git.author, http: options.git.http, lock: handle, logger: gitLogger(options.logger, reporter) };
  let repository: Repository | undefined;
  try {
    const cloning = !(await hasWorkingCopy(dir));
    await reporter.report(
      cloning ? { status: 'cloning', message: messages.cloning(redactUrl(url), branch) } : { status: 'pulling', message: messages.pulling(redactUrl(url), branch) },
    );
    repository = await openRepository({ ...repositoryOptions, signal });
    const synced = repository.lastSync;
    await reporter.report({ log: [`Working copy ${synced?.action ?? 'synced'} at ${shortSha(synced?.head)}`] });
    return await publishInWorkingCopy(run, repository, signal);
  } catch (error) {
    const failure = toPipelineError(reporter.failureOr(error), { step: reporter.step, cancelled: options.signal?.aborted === true, lockLost: handle.signal.aborted, pageId: run.pageId, secrets: run.secrets });
    stop.abort(failure);
    if (repository !== undefined && !handle.signal.aborted) {
      const line = await resetWorkingCopy({ ...repositoryOptions, logger: undefined });
      options.logger?.warn(line);
      await reporter.report({ log: [line] }).catch(() => undefined);
    }
    throw failure;
  }
}
