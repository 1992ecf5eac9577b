import { formatCommitMessage } from '@zmp-manual/git-publisher';
import type { SiteLayoutName, WriteSolutionResult } from '@zmp-manual/docusaurus-writer';
import { classifySitePath } from '../site/site-paths';

/** A page as a commit message names it. */
interface TitledPage {
  relativePath: string;
  title: string;
}

/** A commit in a log line: its first 7 hex digits, or `none`. */
export const shortSha = (sha: string | null | undefined): string => (sha ? sha.slice(0, 7) : 'none');

const changedPaths = (write: WriteSolutionResult): string[] => [...write.created, ...write.changed, ...write.removed];

/**
 * `docs(zcp): update 2 pages (Install, Ports)` and the list of pages: the pages in scope whose file the
 * write created or changed, then the pages it removed. See git-publisher's `formatCommitMessage`.
 */
export function exportCommitMessage(solution: string, write: WriteSolutionResult, inScope: readonly TitledPage[], removed: readonly TitledPage[]): string {
  const touched = new Set(changedPaths(write));
  const pages = [
    ...inScope.filter((page) => touched.has(`docs/${solution}/${page.relativePath}`)),
    ...removed.filter((page) => touched.has(`docs/${solution}/${page.relativePath}`)),
  ].map((page) => page.title);
  return formatCommitMessage({ type: 'docs', solution, pages });
}

/** `i18n(zcp): translate Install into ko, ja`: the pages whose translation files the write changed. */
export function translationCommitMessage(
  solution: string,
  layout: SiteLayoutName,
  write: WriteSolutionResult,
  pages: readonly TitledPage[],
  languages: readonly string[],
): string {
  const touched = new Set<string>();
  for (const path of changedPaths(write)) {
    const entry = classifySitePath(path, solution, layout);
    if (entry.kind === 'translation') touched.add(entry.relativePath);
  }
  const titles = pages.filter((page) => touched.has(page.relativePath)).map((page) => page.title);
  return formatCommitMessage({ type: 'i18n', solution, pages: titles, languages });
}

/** The export commit: the solution's docs and assets, the manifest, and the locale files the first write moved or removed. */
export function exportCommitPaths(solution: string, manifestPath: string, write: WriteSolutionResult): string[] {
  const locales = changedPaths(write).filter((path) => path.startsWith('i18n/'));
  return [...new Set([`docs/${solution}`, `static/img/${solution}`, manifestPath, ...locales])];
}

/** The translation commit: every locale file (only the writer changed any) and the manifest. */
export function translationCommitPaths(manifestPath: string): string[] {
  return ['i18n', manifestPath];
}
