import { InMemoryRepositoryLock } from '@zmp-manual/git-publisher';
import { runPublish, solutionConfig } from '@zmp-manual/publish-pipeline';
import type { PublishResult } from '@zmp-manual/publish-pipeline';
import { randomUUID } from 'node:crypto';
import type { CliIo } from '../cli-io';
import { parseLanguages } from '../options/parse-languages';
import type { JobSummary } from '../render/job-summary';
import { checkSolutionId, commandSettings } from '../run/command-settings';
import { resolveDataDir } from '../run/folders';
import { notionClient, translationOptions } from '../run/pipeline-inputs';
import type { JobOutput } from '../run/run-job';
import { runJob } from '../run/run-job';
import type { PublishFlags } from './publish.command';

/** What a finished publish is, for the output: the result and where it went. */
export interface PublishOutcome {
  result: PublishResult;
  remote: { url: string; branch: string };
  languages: string[];
}

export interface PublishCommandOptions {
  /** `demo` runs a publish under its own name. */
  command?: JobSummary['command'];
  /** Adds to the output of a successful publish (the demo's clone of the remote). */
  extend?(outcome: PublishOutcome, output: JobOutput): Promise<JobOutput>;
}

/** One lock for the process: two publishes of one repository in one CLI process never run git steps at once. */
const lock = new InMemoryRepositoryLock();

/** `zmp-manual publish`: `runPublish` in this process, pushing to the solution's repository; resolves with the exit code. */
export function runPublishCommand(flags: PublishFlags, io: CliIo, options: PublishCommandOptions = {}): Promise<number> {
  const command = options.command ?? 'publish';
  return runJob<PublishOutcome>({
    command,
    options: flags,
    io,
    run: async ({ reporter, signal, secrets }) => {
      const solutionId = checkSolutionId(flags.solution);
      const requested = flags.languages === undefined ? undefined : parseLanguages(flags.languages);
      const dataDir = resolveDataDir(flags.dataDir, io);
      const settings = commandSettings(io.env, solutionId, { TRANSLATION_PROVIDER: flags.provider }, ['notion', 'translation']);
      const solution = solutionConfig(settings, solutionId);
      const languages = requested ?? settings.targetLanguages;
      const result = await runPublish({
        request: {
          jobId: randomUUID(),
          solution: solutionId,
          pageId: flags.page ?? solution.rootPageId,
          isDirectory: flags.page === undefined || flags.directory === true,
          targetLanguages: languages,
        },
        solution,
        notion: notionClient(settings, io, flags, secrets),
        notionRateLimit: settings.notion.rateLimit,
        translation: translationOptions(settings, dataDir, solutionId),
        git: { author: settings.git.author, lock },
        dataDir,
        reporter,
        signal,
        secrets,
      });
      return { result, remote: { url: solution.repository.url, branch: solution.repository.branch }, languages };
    },
    output: async (outcome, durationMs) => {
      const output = publishOutput(command, flags.solution, outcome, durationMs);
      return options.extend ? options.extend(outcome, output) : output;
    },
  });
}

function publishOutput(command: JobSummary['command'], solution: string, outcome: PublishOutcome, durationMs: number): JobOutput {
  const { result, remote } = outcome;
  const { created, changed, removed } = result.files;
  return {
    summary: {
      command,
      solution,
      counters: result.counters,
      files: { created: created.length, changed: changed.length, removed: removed.length },
      languages: outcome.languages,
      commits: result.commits,
      pushed: result.pushed,
      head: result.head,
      warnings: result.warnings,
      durationMs,
    },
    json: { remote: remote.url, branch: remote.branch, paths: result.files },
    lines: [`Remote: ${remote.url} (branch ${remote.branch}) at ${result.head ?? '(empty)'}`],
  };
}
