import { createFileMemoryStore } from '@zmp-manual/mdx-translator';
import { createProvider, runTranslate } from '@zmp-manual/publish-pipeline';
import type { SiteRunResult } from '@zmp-manual/publish-pipeline';
import type { CliIo } from '../cli-io';
import { secretsOf } from '../errors/redact';
import { UsageError } from '../errors/usage-error';
import { parseLanguages } from '../options/parse-languages';
import { checkSolutionId, resolveDataDir, resolveSite, translationSettings } from '../run/command-settings';
import { runJob } from '../run/run-job';
import { checkSiteFolder } from '../run/site-folder';
import { memoryDir } from '../run/translation-memory';
import { siteRunOutput } from './site-run-output';
import type { TranslateFlags } from './translate.command';

/** `zmp-manual translate`: `runTranslate` over the site folder; resolves with the exit code. */
export function runTranslateCommand(flags: TranslateFlags, io: CliIo): Promise<number> {
  let languages: string[] = [];
  return runJob<SiteRunResult>({
    command: 'translate',
    options: flags,
    io,
    secrets: () => secretsOf(io.env),
    run: async ({ reporter, signal }) => {
      const solutionId = checkSolutionId(flags.solution);
      languages = parseLanguages(flags.languages);
      if (languages.length === 0) throw new UsageError('--languages: name at least one language, e.g. ko,ja');
      const site = resolveSite(flags.site, io);
      await checkSiteFolder(site);
      const settings = translationSettings(io.env, solutionId, { TRANSLATION_PROVIDER: flags.provider, SITE_LAYOUT: flags.layout });
      // Without --layout or SITE_LAYOUT, the layout the site was written with (its manifest) is kept.
      const layoutGiven = flags.layout !== undefined || Boolean(io.env['SITE_LAYOUT']?.trim());
      return runTranslate({
        siteDir: site,
        solution: { id: solutionId, ...(layoutGiven && { layout: settings.solutions[0].layout }) },
        languages,
        ...(flags.page !== undefined && { pageId: flags.page }),
        isDirectory: flags.directory === true,
        translation: {
          provider: createProvider(settings),
          memory: createFileMemoryStore({ directory: memoryDir(resolveDataDir(flags.dataDir, io), solutionId) }),
          maxChunkTokens: settings.translation.maxChunkTokens,
          maxConcurrentRequests: settings.translation.maxConcurrentRequests,
        },
        reporter,
        signal,
      });
    },
    output: (result, _tracker, durationMs) => siteRunOutput('translate', flags.solution, result, durationMs, { site: resolveSite(flags.site, io), languages }),
  });
}
