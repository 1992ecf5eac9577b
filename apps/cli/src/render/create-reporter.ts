import type { CliIo } from '../cli-io';
import type { CommonOptions } from '../options/common-options';
import type { CliReporter } from './cli-reporter';
import { SilentReporter } from './cli-reporter';
import { LineReporter } from './line-reporter';
import { TtyReporter } from './tty-reporter';

/**
 * Where progress goes: stderr (stdout keeps the summary or the JSON result), as live bars on a terminal and
 * as timestamped lines otherwise; nowhere with `--json`, `--quiet` or `--no-progress`.
 */
export function createReporter(options: CommonOptions, io: CliIo): CliReporter {
  if (options.json || options.quiet || !options.progress) return new SilentReporter(io.now);
  const settings = { out: io.stderr, now: io.now, verbose: options.verbose };
  return io.stderr.isTTY ? new TtyReporter(settings) : new LineReporter(settings);
}
