import { toPipelineError } from '../errors/failure-mapping';
import { PipelineError } from '../errors/pipeline-error';
import { parseNotionId } from '../notion-id';
import type { RunReporter } from '../report/run-reporter';

/** The page a request asks for, dashed: `invalid_page_id`, before any request, when `text` is not a page id. */
export function askedPageId(text: string): string {
  const pageId = parseNotionId(text);
  if (pageId === undefined) {
    throw new PipelineError('invalid_page_id', `${JSON.stringify(text)} is not a Notion page id (32 hex digits, with or without dashes)`, { code: 'invalid_page_id' });
  }
  return pageId;
}

/** The solution's root page, dashed: `export_failed` when its configuration holds something else. */
export function rootPageIdOf(solution: { id: string; rootPageId: string }): string {
  const rootPageId = parseNotionId(solution.rootPageId);
  if (rootPageId === undefined) {
    throw new PipelineError('export_failed', `The root page of solution ${solution.id} is not a Notion page id`, { code: 'invalid_root_page_id' });
  }
  return rootPageId;
}

/** The signal a run's steps get: the caller's, the reporter's (a port that failed stops the run) and `others`. */
export function runSignal(reporter: RunReporter, signal: AbortSignal | undefined, ...others: AbortSignal[]): AbortSignal {
  return AbortSignal.any([reporter.signal, ...others, ...(signal === undefined ? [] : [signal])]);
}

export interface GuardContext {
  /** The caller's signal: once it fired, whatever the run throws is `cancelled`. */
  signal?: AbortSignal;
  /** The asked page (dashed), to tell a bad request from a broken export. */
  pageId?: string;
  secrets?: readonly string[];
}

/**
 * Runs an entry point's work and turns whatever it throws into a `PipelineError` (the reporter port's own
 * failure first, see `RunReporter.failureOr`), at the step the run was in, with its secrets masked. The
 * reporter is closed before the run settles: work a library left running stops, and the port gets nothing
 * after the caller learnt how the run ended.
 */
export async function guardRun<T>(reporter: RunReporter, context: GuardContext, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toPipelineError(reporter.failureOr(error), {
      step: reporter.step,
      cancelled: context.signal?.aborted === true,
      pageId: context.pageId,
      secrets: context.secrets,
    });
  } finally {
    await reporter.close();
  }
}
