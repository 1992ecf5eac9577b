import type { Command } from 'commander';
import { EXIT_CODES_HELP } from '../exit-codes';

export interface EnvVarHelp {
  name: string;
  description: string;
  default?: string;
}

export interface CommandHelp {
  /** The variables the command reads (flags override them). */
  env: readonly EnvVarHelp[];
  examples: readonly string[];
  /** Extra paragraphs before the environment list. */
  notes?: readonly string[];
}

/** Appends the environment variables, the exit codes and examples to a command's `--help`. */
export function addCommandHelp(command: Command, help: CommandHelp): Command {
  const width = Math.max(0, ...help.env.map((v) => v.name.length));
  const env = help.env.map((v) => `  ${v.name.padEnd(width)}  ${v.description}${v.default !== undefined && v.default !== '' ? ` (default: ${v.default})` : ''}`);
  const sections = [
    ...(help.notes ?? []).map((note) => `\n${note}`),
    ...(env.length > 0 ? [`\nEnvironment (a flag wins over its variable):\n${env.join('\n')}`] : []),
    `\nExit codes:\n${EXIT_CODES_HELP}`,
    `\nExample${help.examples.length > 1 ? 's' : ''}:\n${help.examples.map((e) => `  $ ${e}`).join('\n')}`,
  ];
  return command.addHelpText('after', sections.join('\n'));
}
