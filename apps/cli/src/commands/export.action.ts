import { createNotionClient, runExport } from '@zmp-manual/publish-pipeline';
import type { SiteRunResult } from '@zmp-manual/publish-pipeline';
import { join } from 'node:path';
import type { CliIo } from '../cli-io';
import { secretsOf } from '../errors/redact';
import { checkSolutionId, commandSettings, resolveDataDir, resolveSite } from '../run/command-settings';
import { notionLogger } from '../run/notion-logger';
import { runJob } from '../run/run-job';
import { checkSiteFolder } from '../run/site-folder';
import type { ExportFlags } from './export.command';
import { siteRunOutput } from './site-run-output';

/** `zmp-manual export`: `runExport` into the site folder; resolves with the exit code. */
export function runExportCommand(flags: ExportFlags, io: CliIo): Promise<number> {
  return runJob<SiteRunResult>({
    command: 'export',
    options: flags,
    io,
    secrets: () => secretsOf(io.env),
    run: async ({ reporter, signal }) => {
      const solutionId = checkSolutionId(flags.solution);
      const site = resolveSite(flags.site, io);
      await checkSiteFolder(site);
      const settings = commandSettings(io.env, solutionId, { SITE_LAYOUT: flags.layout });
      const solution = settings.solutions[0];
      return runExport({
        siteDir: site,
        solution: { id: solution.id, rootPageId: solution.rootPageId, layout: solution.layout },
        ...(flags.page !== undefined && { pageId: flags.page }),
        isDirectory: flags.directory === true,
        notion: createNotionClient(settings, { logger: notionLogger(io, flags, () => secretsOf(io.env)) }),
        notionRateLimit: settings.notion.rateLimit,
        stateDir: join(resolveDataDir(flags.dataDir, io), 'state'),
        reporter,
        signal,
      });
    },
    output: (result, _tracker, durationMs) => siteRunOutput('export', flags.solution, result, durationMs, { site: resolveSite(flags.site, io) }),
  });
}
