import type { NotionRefreshPayload } from '@zmp-manual/job-events';
import { parseNotionRefreshPayload } from '@zmp-manual/job-events';
import type { Job, Queue } from 'bull';
import { randomUUID } from 'node:crypto';
import { NOTION_REFRESH_JOB } from './queue-names';

export interface RefreshRetryOptions {
  /** Attempts of one refresh (a shutdown mid-crawl or a Notion outage retries it); default 3. */
  attempts?: number;
  /** First pause between attempts, doubled each time; default 5000 ms. */
  backoffMs?: number;
}

/** A page id without dashes, lower-case: one debounce slot per page whatever form the event used. */
export const pageKey = (pageId: string) => pageId.replace(/-/g, '').toLowerCase();

/** The Redis key holding the id of the pending refresh of one solution + page (Bull's own key space). */
export const pendingRefreshKey = (queue: Queue, solution: string, pageId: string) => queue.toKey(`refresh-pending:${solution}:${pageKey(pageId)}`);

/**
 * Queues a refresh of `payload.solution` for `payload.page_id`, delayed by `debounceMs`, and withdraws the
 * one still pending for the same solution + page: a later event within the window replaces it and the
 * window starts again; other pages are independent. Each job has its own id, and the pending one is
 * swapped atomically (`SET … GET`), so concurrent callers (API replicas) leave exactly one pending job
 * behind, and an event that arrives while the previous refresh runs is never lost (that one cannot be
 * withdrawn; the new one runs after it).
 */
export async function scheduleNotionRefresh(queue: Queue, payload: NotionRefreshPayload, debounceMs: number, retry: RefreshRetryOptions = {}): Promise<Job> {
  const data = parseNotionRefreshPayload(payload);
  const jobId = `${NOTION_REFRESH_JOB}:${data.solution}:${pageKey(data.page_id)}:${randomUUID()}`;
  const job = await queue.add(NOTION_REFRESH_JOB, data, {
    jobId,
    delay: debounceMs,
    attempts: retry.attempts ?? 3,
    backoff: { type: 'exponential', delay: retry.backoffMs ?? 5_000 },
    removeOnComplete: true,
    removeOnFail: 100,
  });
  // Kept a while past the window so a slow replica still finds what to withdraw; it only names a job id.
  const previous = await queue.client.set(pendingRefreshKey(queue, data.solution, data.page_id), jobId, 'PX', debounceMs + 3_600_000, 'GET');
  if (previous !== null && previous !== jobId) await withdraw(queue, previous);
  return job;
}

/** Removes a refresh that has not started yet; one that is running (locked) or gone is left alone. */
async function withdraw(queue: Queue, jobId: string): Promise<void> {
  const job = await queue.getJob(jobId);
  if (!job) return;
  const state = await job.getState();
  if (state !== 'delayed' && state !== 'waiting' && state !== 'paused') return;
  try {
    await job.remove();
  } catch {
    // It became active meanwhile: it runs, and the new job runs after it.
  }
}
