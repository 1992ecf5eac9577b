import type { PublishOutcome } from '../commands/publish.action';
import type { JobOutput } from '../run/run-job';
import { cloneRemote } from './clone-remote';
import type { ClonedRemote } from './clone-remote';
import { DEMO_GIT_TOKEN, DEMO_SOLUTION } from './demo-environment';
import type { DemoEnvironment } from './demo-environment';

const SHOWN_FILES = 8;

/** Adds what a clone of the remote shows: the commits and a few of the pushed files. */
export async function withRemoteTour(environment: DemoEnvironment, outcome: PublishOutcome, output: JobOutput): Promise<JobOutput> {
  const cloned = await cloneRemote(environment.remoteUrl, outcome.remote.branch, DEMO_GIT_TOKEN);
  const files = sampleFiles(cloned, outcome.languages);
  const lines = [
    ...(output.lines ?? []),
    '',
    'Commits on the remote (newest first):',
    ...cloned.commits.map((commit) => `  ${commit.sha.slice(0, 7)}  ${commit.subject}`),
    '',
    `Some of the ${cloned.files.length} files pushed:`,
    ...files.map((file) => `  ${file}`),
  ];
  return { ...output, lines, json: { ...output.json, commits_on_remote: cloned.commits, files_on_remote: cloned.files.length, sample_files: files } };
}

/** The root page, the deepest page, an image, and those pages in each language. */
function sampleFiles(cloned: ClonedRemote, languages: readonly string[]): string[] {
  const docsRoot = `docs/${DEMO_SOLUTION}/`;
  const pages = cloned.files.filter((file) => file.startsWith(docsRoot) && file.endsWith('.mdx')).map((file) => file.slice(docsRoot.length));
  const depth = (page: string) => page.split('/').length;
  const deepest = pages.reduce<string | undefined>((best, page) => (best === undefined || depth(page) > depth(best) ? page : best), undefined);
  const shown = ['index.mdx', ...(deepest ? [deepest] : [])];
  const picks = [...shown.map((page) => docsRoot + page), cloned.files.find((file) => file.startsWith(`static/img/${DEMO_SOLUTION}/`))];
  for (const language of languages) {
    for (const page of shown) picks.push(cloned.files.find((file) => file.startsWith(`i18n/${language}/`) && file.endsWith(`/${DEMO_SOLUTION}/${page}`)));
  }
  return [...new Set(picks.filter((file): file is string => file !== undefined && cloned.files.includes(file)))].slice(0, SHOWN_FILES);
}
