import { runTranslate } from '@zmp-manual/publish-pipeline';
import type { SiteRunResult } from '@zmp-manual/publish-pipeline';
import type { CliIo } from '../cli-io';
import { UsageError } from '../errors/usage-error';
import { parseLanguages } from '../options/parse-languages';
import { checkSolutionId, commandSettings } from '../run/command-settings';
import { resolveDataDir, siteFolder } from '../run/folders';
import { translationOptions } from '../run/pipeline-inputs';
import { runJob } from '../run/run-job';
import { siteRunOutput } from './site-run-output';
import type { TranslateFlags } from './translate.command';

/** `zmp-manual translate`: `runTranslate` over the site folder; resolves with the exit code. */
export function runTranslateCommand(flags: TranslateFlags, io: CliIo): Promise<number> {
  return runJob<{ result: SiteRunResult; site: string; languages: string[] }>({
    command: 'translate',
    options: flags,
    io,
    run: async ({ reporter, signal, secrets }) => {
      const solutionId = checkSolutionId(flags.solution);
      const languages = parseLanguages(flags.languages);
      if (languages.length === 0) throw new UsageError('--languages: name at least one language, e.g. ko,ja');
      const site = await siteFolder(flags.site, io);
      // Reads no Notion page: only the translation settings must be there.
      const settings = commandSettings(io.env, solutionId, { TRANSLATION_PROVIDER: flags.provider, SITE_LAYOUT: flags.layout }, ['translation']);
      // Without --layout or SITE_LAYOUT, the layout the site was written with (its manifest) is kept.
      const layoutGiven = flags.layout !== undefined || Boolean(io.env['SITE_LAYOUT']?.trim());
      const result = await runTranslate({
        siteDir: site,
        solution: { id: solutionId, ...(layoutGiven && { layout: settings.layout }) },
        languages,
        ...(flags.page !== undefined && { pageId: flags.page }),
        isDirectory: flags.directory === true,
        translation: translationOptions(settings, resolveDataDir(flags.dataDir, io), solutionId),
        reporter,
        signal,
        secrets,
      });
      return { result, site, languages };
    },
    output: ({ result, site, languages }, durationMs) => siteRunOutput('translate', flags.solution, result, durationMs, { site, languages }),
  });
}
