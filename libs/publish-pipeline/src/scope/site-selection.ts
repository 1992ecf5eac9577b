import { posix } from 'node:path';
import { PipelineError } from '../errors/pipeline-error';
import type { SiteDocument } from '../site/site-reader';

/**
 * The site pages a translation covers: every page; or the asked page; or, for a directory, every page under
 * its folder. The root page (`index.mdx`) means every page, as in a publish.
 */
export function selectSiteDocuments(documents: readonly SiteDocument[], solution: string, pageId: string | undefined, isDirectory: boolean): SiteDocument[] {
  if (pageId === undefined) return [...documents];
  const asked = documents.find((document) => document.pageId === pageId);
  if (asked === undefined) {
    throw new PipelineError('invalid_page_id', `Page ${pageId} is not among the pages of solution ${solution} in the site`, { code: 'page_not_in_site' });
  }
  if (asked.relativePath === 'index.mdx' || asked.relativePath === 'index.md') return [...documents];
  if (!isDirectory || !asked.isDirectory) return [asked];
  const folder = `${posix.dirname(asked.relativePath)}/`;
  return documents.filter((document) => document.relativePath.startsWith(folder));
}
