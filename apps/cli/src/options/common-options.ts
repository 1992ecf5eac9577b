import type { Command } from 'commander';

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
    .option('--verbose', "also print the pipeline's log lines and every warning")
    .option('--debug', "print the stack trace of an error and the Notion client's own log");
}
