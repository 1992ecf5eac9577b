import { join } from 'node:path';
import type { Repository } from '@zmp-manual/git-publisher';
import type { Translation, WriteSolutionResult } from '@zmp-manual/docusaurus-writer';
import { buildArtifact } from '../artifact/solution-artifact';
import { exportStatePath } from '../export/export-state';
import { exportCommitMessage, exportCommitPaths, shortSha, translationCommitMessage, translationCommitPaths } from '../git/commit-messages';
import type { PublishResult } from '../pipeline.types';
import { translationProgress } from '../progress';
import { messages } from '../report/messages';
import { composeFromSite, runExportStep } from '../steps/export-step';
import { translateDocuments } from '../translate/translate-documents';
import { mergeChanges } from '../write/file-changes';
import { manifestPathOf, writeDocuments, writeTranslations } from '../write/site-writes';
import type { SiteTarget } from '../write/site-writes';
import type { LockedRun } from './publish-locked';

const subject = (message: string): string => message.split('\n', 1)[0] ?? message;

/**
 * The steps inside the synced working copy: export and first write → export commit → translation and second
 * write → translation commit → push (with a `reapply` that writes the same pages and translations onto a
 * remote tip that moved). No diff, no commit; nothing new, no push.
 */
export async function publishInWorkingCopy(run: LockedRun, repository: Repository, signal: AbortSignal): Promise<PublishResult> {
  const { options, reporter } = run;
  const { solution, request } = options;
  const target: SiteTarget = { root: repository.dir, solution: solution.id, layout: solution.layout ?? 'single', replaceForeignFiles: options.replaceForeignFiles, signal };
  const manifestPath = manifestPathOf(solution.id);
  const exportStep = await runExportStep({
    target,
    notion: options.notion,
    rateLimit: options.notionRateLimit,
    rootPageId: run.rootPageId,
    pageId: run.pageId,
    isDirectory: request.isDirectory,
    statePath: exportStatePath(join(options.dataDir, 'state'), solution.id, run.rootPageId, run.key),
    reporter,
  });
  const { composition } = exportStep;

  await reporter.report({ status: 'export_commit', message: messages.exportCommit });
  const exportMessage = exportCommitMessage(solution.id, exportStep.write, composition.inScope, composition.removed);
  let exportSha = await repository.commit({ message: exportMessage, paths: exportCommitPaths(solution.id, manifestPath, exportStep.write) });
  await reporter.report(exportSha === null ? { log: ['Export: nothing changed, no commit'] } : { commits: { export: exportSha }, log: [`Committed ${shortSha(exportSha)} ${subject(exportMessage)}`] });

  let translations: Translation[] = [];
  let translationWrite: WriteSolutionResult | undefined;
  let translationSha: string | null = null;
  if (run.languages.length > 0 && composition.inScope.length > 0) {
    translations = await translateDocuments({ documents: composition.inScope, languages: run.languages, from: solution.sourceLanguage, translation: options.translation, reporter, signal });
    await reporter.report({ status: 'translation_commit', message: messages.translationCommit });
    translationWrite = await writeTranslations(target, composition, translations, run.languages);
    const message = translationCommitMessage(solution.id, target.layout, translationWrite, composition.inScope, run.languages);
    translationSha = await repository.commit({ message, paths: translationCommitPaths(manifestPath) });
    await reporter.report(translationSha === null ? { log: ['Translation: nothing changed, no commit'] } : { commits: { translation: translationSha }, log: [`Committed ${shortSha(translationSha)} ${subject(message)}`] });
  } else {
    await reporter.report({ message: messages.nothingToTranslate, ...translationProgress(1, 1) });
  }

  await reporter.report({ status: 'pushing', message: messages.pushing(solution.repository.branch) });
  const pushed = await repository.push({
    reapply: async () => {
      // The remote moved: the same export and translations, written around what its new tip holds.
      const again = await composeFromSite(target, exportStep.exported, run.pageId, request.isDirectory);
      await writeDocuments(target, again);
      if (translationWrite !== undefined) await writeTranslations(target, again, translations, run.languages);
    },
  });
  const made = [exportSha, translationSha].filter((sha): sha is string => sha !== null);
  const log: string[] = [];
  if (pushed.pushed && pushed.commits.join() !== made.join()) {
    // The commits were made again on a newer remote tip (a push raced us): report the ones that landed.
    log.push(`The remote had moved: the commits were made again on its new tip (${pushed.commits.map(shortSha).join(', ') || 'none needed'})`);
    if (pushed.commits.length === made.length) {
      if (exportSha !== null) exportSha = pushed.commits[0] ?? null;
      if (translationSha !== null) translationSha = pushed.commits[pushed.commits.length - 1] ?? null;
    }
  }
  const head = pushed.head ?? (await repository.head());
  log.push(pushed.pushed ? `Pushed ${pushed.commits.length} commit(s) to ${run.key}, now at ${shortSha(head)}` : `Nothing new to push: ${run.key} stays at ${shortSha(head)}`);
  const commits = { ...(exportSha ? { export: exportSha } : {}), ...(translationSha ? { translation: translationSha } : {}) };
  await reporter.report({ log, ...(Object.keys(commits).length > 0 ? { commits } : {}) });

  return {
    commits: { export: exportSha, translation: translationSha },
    pushed: pushed.pushed,
    head,
    counters: { ...reporter.counters },
    files: mergeChanges([exportStep.write, translationWrite]),
    artifact: options.artifact ? await buildArtifact(repository.dir, solution.id, manifestPath) : null,
    warnings: [...reporter.warnings],
  };
}
