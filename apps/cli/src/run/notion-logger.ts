import type { Logger } from '@notionhq/client';
import type { CliIo } from '../cli-io';
import { redact } from '../errors/redact';
import type { CommonOptions } from '../options/common-options';

/**
 * The Notion client's own log (a line per failed request, which the exporter retries or reports itself): on
 * stderr with `--debug`, secrets masked; dropped otherwise, so it never breaks the progress lines.
 */
export function notionLogger(io: CliIo, options: CommonOptions, secrets: () => readonly string[]): Logger {
  return (level, message, extraInfo) => {
    if (!options.debug) return;
    io.stderr.write(`${redact(`notion ${level}: ${message} ${JSON.stringify(extraInfo)}`, secrets())}\n`);
  };
}
