import type { Command } from 'commander';
import type { CliIo } from '../cli-io';
import type { CliReporter } from '../render/cli-reporter';
import { SilentReporter } from '../render/cli-reporter';
import { LineReporter } from '../render/line-reporter';
import { TtyReporter } from '../render/tty-reporter';

/** The flags every command takes. */
export interface CommonOptions {
  json?: boolean;
  quiet?: boolean;
  /** `--no-progress` sets it to false. */
  progress: boolean;
  verbose?: boolean;
  debug?: boolean;
}

export function addCommonOptions(command: Command): Command {
  return command
    .option('--json', 'print one JSON result object on stdout (no progress, no table)')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--no-progress', 'no progress bars or lines; the summary is still printed')
    .option('--verbose', "also print the pipeline's log lines")
    .option('--debug', 'print the stack trace of an unexpected error');
}

/**
 * Where progress goes: stderr (stdout keeps the summary or the JSON result), as live bars on a terminal and
 * as timestamped lines otherwise; nowhere with `--json`, `--quiet` or `--no-progress`.
 */
export function createReporter(options: CommonOptions, io: CliIo): CliReporter {
  if (options.json || options.quiet || !options.progress) return new SilentReporter(io.now);
  const settings = { out: io.stderr, now: io.now, verbose: options.verbose };
  return io.stderr.isTTY ? new TtyReporter(settings) : new LineReporter(settings);
}
