import { repositoryKey, redactUrl } from '@zmp-manual/git-publisher';
import type { LockHandle } from '@zmp-manual/git-publisher';
import { acquireRepositoryLock } from './git/repository-lock';
import { parseNotionId } from './notion-id';
import type { PublishResult, RunPublishOptions } from './pipeline.types';
import { publishLocked } from './publish/publish-locked';
import { secretsOf } from './publish/secrets';
import { messages } from './report/messages';
import { RunReporter } from './report/run-reporter';
import { askedPageId, guardRun, rootPageIdOf } from './run/run-guard';
import { targetLanguages } from './translate/target-languages';

const DEFAULT_LOCK_TTL_MS = 60_000;
const DEFAULT_LOCK_WAIT_MS = 10 * 60_000;

/**
 * Runs one publish: checking_repo → cloning | pulling → exporting → export_commit → translating →
 * translation_commit → pushing, reported through `options.reporter`. Resolves with what was done; throws a
 * `PipelineError` (the caller records `failed` / `cancelled`). Everything from the sync to the push runs
 * under the repository lock; a run that fails before its push leaves the remote as it was and the working
 * copy reset.
 */
export async function runPublish(options: RunPublishOptions): Promise<PublishResult> {
  const { request, solution, signal } = options;
  const secrets = [...secretsOf(solution.repository.auth), ...(options.secrets ?? [])];
  const reporter = new RunReporter(options.reporter, { secrets, logger: options.logger });
  let handle: LockHandle | undefined;
  try {
    return await guardRun(reporter, { signal, secrets, pageId: parseNotionId(request.pageId) }, async () => {
      const pageId = askedPageId(request.pageId);
      const rootPageId = rootPageIdOf(solution);
      const languages = targetLanguages(request.targetLanguages, solution.sourceLanguage ?? 'en');
      const { url, branch } = solution.repository;
      const key = repositoryKey(url, branch);
      const what = `${request.isDirectory ? 'page and subtree' : 'page'} ${pageId} of ${solution.id} into ${languages.join(', ') || 'no other language'}`;
      await reporter.report({
        status: 'checking_repo',
        message: messages.checking,
        export_progress: 0,
        translation_progress: 0,
        total_progress: 0,
        export_files: 0,
        log: [`Job ${request.jobId}: publishing ${what} to ${key}`],
      });
      handle = await acquireRepositoryLock(options.git.lock, key, {
        ttlMs: options.git.lockTtlMs ?? DEFAULT_LOCK_TTL_MS,
        waitMs: options.git.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS,
        signal,
        onWait: () => reporter.report({ message: messages.waiting(redactUrl(url), branch) }),
      });
      return publishLocked({ options, reporter, handle, key, pageId, rootPageId, languages, secrets });
    });
  } finally {
    await handle?.release().catch((error: unknown) => options.logger?.warn('the repository lock could not be released', { code: (error as { code?: unknown }).code }));
  }
}
