import type { PublishStatus } from '@zmp-manual/job-events';
import type { ManualsPaths } from '../api.tokens';

/**
 * The `/watch` transform of the original (seed contract §4.1): `title` becomes the page's full slug path
 * (`zcp/getting-started/install`) when the manuals cache knows the page, else stays as it is. The record is
 * never changed (B13). The path is looked up once per connection — a job's solution and page never change —
 * and a failed lookup keeps the title (`onLookupError` is told) rather than breaking the stream.
 */
export function watchTitleTransform(paths: ManualsPaths, onLookupError: (error: unknown) => void): (status: PublishStatus) => Promise<PublishStatus> {
  let lookup: Promise<string | null> | undefined;
  return async (status) => {
    if (!status.solution || !status.notion_page_id) return status;
    lookup ??= paths.titlePath(status.solution, status.notion_page_id).catch((error: unknown) => {
      onLookupError(error);
      return null;
    });
    const path = await lookup;
    return path ? { ...status, title: path } : status;
  };
}
