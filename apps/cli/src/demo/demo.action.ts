import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../cli-io';
import type { DemoFlags } from '../commands/demo.command';
import type { PublishOutcome } from '../commands/publish.action';
import { runPublishCommand } from '../commands/publish.action';
import { parseLanguages } from '../options/parse-languages';
import type { JobOutput } from '../run/run-job';
import { cloneRemote } from './clone-remote';
import type { ClonedRemote } from './clone-remote';
import { DEMO_GIT_TOKEN, DEMO_SOLUTION, startDemoEnvironment } from './demo-environment';
import type { DemoEnvironment } from './demo-environment';
import { failureLine, toFailure } from '../errors/failure';
import { EXIT_CODES } from '../exit-codes';

/**
 * `zmp-manual demo`: starts the local Notion, git and OpenAI servers, publishes the demo manual through the
 * same code as `publish`, shows what the remote holds (from a fresh clone), and stops the servers (with
 * `--keep`, after Ctrl-C).
 */
export async function runDemoCommand(flags: DemoFlags, io: CliIo): Promise<number> {
  try {
    parseLanguages(flags.languages);
  } catch (error) {
    const failure = toFailure(error, []);
    io.stderr.write(`zmp-manual demo: ${failureLine(failure)}\n`);
    return failure.exitCode;
  }
  const environment = await startDemoEnvironment({ notionRateLimit: false });
  const dataDir = await mkdtemp(join(tmpdir(), 'zmp-manual-demo-'));
  try {
    // The demo's settings only: nothing of the caller's environment leaks into it. The servers run without
    // rate limits so the demo takes seconds, not a minute.
    const env = { ...environment.env, TRANSLATION_PROVIDER: flags.provider, NOTION_RATE_LIMIT: '0' };
    const code = await runPublishCommand(
      { ...flags, solution: DEMO_SOLUTION, dataDir },
      { ...io, env },
      { command: 'demo', extend: (outcome, output) => withRemoteTour(environment, outcome, output) },
    );
    if (code === EXIT_CODES.success && flags.keep) await keepRunning(environment, io, flags);
    return code;
  } finally {
    await environment.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const SHOWN_FILES = 8;

/** Adds what a clone of the remote shows: the commits and a few of the pushed files. */
async function withRemoteTour(environment: DemoEnvironment, outcome: PublishOutcome, output: JobOutput): Promise<JobOutput> {
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

async function keepRunning(environment: DemoEnvironment, io: CliIo, flags: DemoFlags): Promise<void> {
  if (!flags.json && !flags.quiet) {
    io.stdout.write(
      [
        '',
        'The servers keep running (demo credentials, local only):',
        `  Notion API  ${environment.notion.url}  token ${environment.env['NOTION_TOKEN']}`,
        `  OpenAI API  ${environment.openai.baseURL}  key ${environment.env['OPENAI_API_KEY']}`,
        `  git         ${environment.remoteUrl}  user x-access-token, password ${DEMO_GIT_TOKEN}`,
        'Press Ctrl-C to stop them.',
        '',
      ].join('\n'),
    );
  }
  await new Promise<void>((resolve) => {
    const off = io.interrupts.onInterrupt(() => {
      off();
      resolve();
    });
  });
}
