import { runExport } from '@zmp-manual/publish-pipeline';
import type { SiteRunResult } from '@zmp-manual/publish-pipeline';
import type { CliIo } from '../cli-io';
import { checkSolutionId, commandSettings } from '../run/command-settings';
import { resolveDataDir, siteFolder, stateDir } from '../run/folders';
import { notionClient } from '../run/pipeline-inputs';
import { runJob } from '../run/run-job';
import type { ExportFlags } from './export.command';
import { siteRunOutput } from './site-run-output';

/** `zmp-manual export`: `runExport` into the site folder; resolves with the exit code. */
export function runExportCommand(flags: ExportFlags, io: CliIo): Promise<number> {
  return runJob<{ result: SiteRunResult; site: string }>({
    command: 'export',
    options: flags,
    io,
    run: async ({ reporter, signal, secrets }) => {
      const solutionId = checkSolutionId(flags.solution);
      const site = await siteFolder(flags.site, io);
      const settings = commandSettings(io.env, solutionId, { SITE_LAYOUT: flags.layout }, ['notion']);
      const [solution] = settings.solutions;
      const result = await runExport({
        siteDir: site,
        solution: { id: solution.id, rootPageId: solution.rootPageId, layout: solution.layout },
        ...(flags.page !== undefined && { pageId: flags.page }),
        isDirectory: flags.directory === true,
        notion: notionClient(settings, io, flags, secrets),
        notionRateLimit: settings.notion.rateLimit,
        stateDir: stateDir(resolveDataDir(flags.dataDir, io)),
        reporter,
        signal,
        secrets,
      });
      return { result, site };
    },
    output: ({ result, site }, durationMs) => siteRunOutput('export', flags.solution, result, durationMs, { site }),
  });
}
