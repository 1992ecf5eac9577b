import type { Command } from 'commander';
import { version } from '../package.json';
import { baseCommand } from './commands/base-command';
import { demoCommand } from './commands/demo.command';
import { exportCommand } from './commands/export.command';
import { publishCommand } from './commands/publish.command';
import { translateCommand } from './commands/translate.command';
import { EXIT_CODES_HELP } from './exit-codes';
import type { ProgramContext } from './program-context';

/**
 * The `zmp-manual` command. Output and exits go through `context.io`, so the same program runs in `main.ts`
 * and, in-process, in the specs. Commander's own exits are turned into thrown `CommanderError`s
 * (`exitOverride`), which `runCli` maps to exit codes.
 */
export function createProgram(context: ProgramContext): Command {
  const program = baseCommand('zmp-manual', context)
    .description('Publish product manuals written in Notion to Docusaurus sites in git, in many languages.')
    .version(version, '-v, --version', 'print the version')
    .addHelpText('after', `\nEvery command takes --help. Exit codes:\n${EXIT_CODES_HELP}`);
  program.addCommand(exportCommand(context));
  program.addCommand(translateCommand(context));
  program.addCommand(publishCommand(context));
  program.addCommand(demoCommand(context));
  return program;
}
