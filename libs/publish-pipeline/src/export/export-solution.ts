import type { Client } from '@notionhq/client';
import { exportTree, slugify } from '@zmp-manual/notion-exporter';
import type { ExportResult, RateLimiter, RateLimitOptions } from '@zmp-manual/notion-exporter';
import { exportProgress } from '../progress';
import { messages } from '../report/messages';
import type { RunReporter } from '../report/run-reporter';
import { readExportState, withSiteAssets, writeExportState } from './export-state';

export interface ExportSolutionInput {
  notion: Client;
  rateLimit?: RateLimiter | RateLimitOptions | false;
  /** The solution's root page: the export always covers the whole tree (decision 0004). */
  rootPageId: string;
  solution: string;
  /** Where the previous exporter manifest is kept; none: a full export, nothing stored. */
  statePath?: string;
  /** Asset file names the site holds (see `withSiteAssets`). */
  siteAssets: ReadonlySet<string>;
  reporter: RunReporter;
  signal?: AbortSignal;
}

/** The part of the export's progress the crawl fills. */
const CRAWL_SHARE = 0.9;

/**
 * Exports the whole solution incrementally from its root page, reporting one message per page with the
 * original's progress formula, and stores the new exporter manifest once the export succeeded.
 */
export async function exportSolution(input: ExportSolutionInput): Promise<ExportResult> {
  const { reporter } = input;
  const stored = input.statePath === undefined ? undefined : await readExportState(input.statePath);
  const previous = stored === undefined ? undefined : withSiteAssets(stored, input.siteAssets);
  const previousPages = previous === undefined ? 0 : Object.keys(previous.pages).length;
  await reporter.report({ status: 'exporting', message: messages.exporting, ...exportProgress(0, 1), export_files: 0 });
  const result = await exportTree({
    client: input.notion,
    rootPageId: input.rootPageId,
    previous,
    assetUrlPrefix: `/img/${input.solution}`,
    rateLimit: input.rateLimit,
    signal: input.signal,
    onProgress: (progress) => {
      if (progress.phase !== 'crawl' || progress.pageId === undefined) return;
      const slug = slugify(progress.title ?? '', progress.pageId);
      // The crawl discovers pages as it goes: the previous export's page count is the better total while
      // it is larger, and the crawl fills at most 90 % of the export (downloads and rendering follow).
      const total = Math.max(progress.pagesKnown, previousPages);
      // A page is reported before its sub-pages are listed: while no page beyond the ones done is known
      // (the root page of a first export), the total is not known either, and the progress waits.
      const known = progress.pagesDone < total;
      reporter.post({
        message: messages.exportedPage(progress.pagesDone, total, slug),
        export_files: progress.pagesDone,
        ...(known && exportProgress(progress.pagesDone * CRAWL_SHARE, total)),
      });
    },
  });
  await reporter.flush();
  if (input.statePath !== undefined) await writeExportState(input.statePath, result.manifest);
  const { stats } = result;
  await reporter.report({
    log: [
      `Export: ${stats.pages} pages (${stats.pagesConverted} converted, ${stats.pagesReused} unchanged), ` +
        `${stats.assetsDownloaded} files downloaded, ${stats.assetsReused} re-used, ${stats.apiCallsTotal} Notion requests` +
        (previous === undefined ? ' (full export)' : ' (incremental)'),
    ],
  });
  return result;
}
