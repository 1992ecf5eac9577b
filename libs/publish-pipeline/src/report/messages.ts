/**
 * The original service's progress messages (seed contract §5.2–5.3), in one place. URLs are shown without
 * credentials, query or fragment.
 */
import { posix } from 'node:path';

const percent = (current: number, total: number): string => {
  const share = total <= 0 ? 0 : Math.min(1, Math.max(0, current / total));
  return `${(share * 100).toFixed(1)}%(${current}/${total})`;
};

export const messages = {
  checking: 'Checking repository status',
  waiting: (repository: string, branch: string) => `Waiting for another job on ${repository} (branch: ${branch})`,
  cloning: (url: string, branch: string) => `Cloning repository from ${url} (branch: ${branch})`,
  pulling: (url: string, branch: string) => `Pulling repository ${url} (branch: ${branch})`,
  exporting: 'Exporting content from Notion...',
  exportedPage: (current: number, total: number, slug: string) => `${percent(current, total)} - Exported page: ${slug}`,
  exported: (files: number) => `Exported ${files} files successfully`,
  exportCommit: 'Committing exported content...',
  translating: 'Translating content...',
  /** `50.0%(2/4) - install.mdx [ko]`: the file's base name and the language. */
  translatedFile: (current: number, total: number, file: string | undefined, language: string | undefined) =>
    `${percent(current, total)} - ${file === undefined ? 'Translating pages' : `${posix.basename(file)}${language ? ` [${language}]` : ''}`}`,
  nothingToTranslate: 'No target languages: nothing to translate',
  translationCommit: 'Committing translated content...',
  pushing: (branch: string) => `Pushing changes to remote repository (branch: ${branch})`,
  writing: 'Writing documents to the site...',
  writingTranslations: 'Writing translations to the site...',
  readingSite: 'Reading pages from the site...',
} as const;
