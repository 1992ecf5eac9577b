import { maskSecrets } from '@zmp-manual/publish-pipeline';
import type { CliIo } from '../cli-io';
import { EXIT_CODES } from '../exit-codes';
import { debugStack, failureLine, toFailure } from '../errors/failure';
import type { CommonOptions } from '../options/common-options';
import type { CliReporter } from '../render/cli-reporter';
import { createReporter } from '../render/create-reporter';
import type { JobSummary } from '../render/job-summary';
import { renderSummaryTable } from '../render/summary-table';
import { Cancellation } from './cancellation';
import { secretsOf } from './command-secrets';

export interface JobContext {
  reporter: CliReporter;
  signal: AbortSignal;
  /** The secret values of the environment (tokens, keys): hand them to the pipeline, mask them in output. */
  secrets: readonly string[];
}

/** What a command's result adds to the output: the summary, extra JSON fields and lines after the table. */
export interface JobOutput {
  summary: JobSummary;
  /** Merged into the `--json` result. */
  json?: Record<string, unknown>;
  /** Printed on stdout after the summary table (not with `--json` or `--quiet`). */
  lines?: string[];
}

export interface JobRun<T> {
  command: JobSummary['command'];
  options: CommonOptions;
  io: CliIo;
  run(context: JobContext): Promise<T>;
  output(result: T, durationMs: number): JobOutput | Promise<JobOutput>;
}

const MAX_WARNINGS_LISTED = 20;

/**
 * Runs one command's work with progress, Ctrl-C handling and the exit-code table, then prints the summary
 * (or the `--json` result, or the failure on stderr). Resolves with the exit code.
 */
export async function runJob<T>(job: JobRun<T>): Promise<number> {
  const { io, options } = job;
  const started = io.now();
  const secrets = secretsOf(io.env);
  const cancellation = new Cancellation(io);
  const reporter = createReporter(options, io);
  try {
    const result = await job.run({ reporter, signal: cancellation.signal, secrets });
    reporter.finish('completed');
    const output = await job.output(result, io.now() - started);
    printSuccess(job, output, secrets);
    return EXIT_CODES.success;
  } catch (error) {
    const failure = toFailure(error, secrets, cancellation.cancelled);
    reporter.finish(failure.reason === 'cancelled' ? 'cancelled' : 'failed');
    io.stderr.write(`zmp-manual ${job.command}: ${failureLine(failure)}\n`);
    if (options.debug) {
      const stack = debugStack(error, secrets);
      if (stack) io.stderr.write(`${stack}\n`);
    }
    if (options.json) {
      const { exitCode, ...rest } = failure;
      writeJson(io, { ok: false, command: job.command, exit_code: exitCode, error: rest });
    }
    return failure.exitCode;
  } finally {
    cancellation.close();
  }
}

function printSuccess<T>(job: JobRun<T>, output: JobOutput, secrets: readonly string[]): void {
  const { io, options } = job;
  const { summary } = output;
  const warnings = summary.warnings.map((warning) => maskSecrets(warning, secrets));
  if (options.json) {
    writeJson(io, {
      ok: true,
      command: summary.command,
      solution: summary.solution,
      counters: summary.counters,
      ...(summary.files && { files: summary.files }),
      ...(summary.languages && { languages: summary.languages }),
      ...(summary.commits && { commits: summary.commits }),
      ...(summary.pushed !== undefined && { pushed: summary.pushed }),
      ...(summary.head !== undefined && { head: summary.head }),
      warnings,
      duration_ms: Math.round(summary.durationMs),
      ...output.json,
    });
    return;
  }
  if (options.quiet) return;
  if (warnings.length > 0) {
    if (options.verbose) {
      const listed = warnings.slice(0, MAX_WARNINGS_LISTED);
      for (const warning of listed) io.stderr.write(`warning: ${warning}\n`);
      if (warnings.length > listed.length) io.stderr.write(`… and ${warnings.length - listed.length} more warnings\n`);
    } else {
      io.stderr.write(`${warnings.length} warning(s); --verbose lists them\n`);
    }
  }
  io.stdout.write(renderSummaryTable(summary));
  for (const line of output.lines ?? []) io.stdout.write(`${line}\n`);
}

function writeJson(io: CliIo, value: Record<string, unknown>): void {
  io.stdout.write(`${JSON.stringify(value)}\n`);
}
