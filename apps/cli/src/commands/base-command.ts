import { Command } from 'commander';
import type { ProgramContext } from '../program-context';

/**
 * A command wired to the context's output, throwing instead of exiting (`runCli` maps commander's errors to
 * exit code 2), and refusing stray arguments.
 */
export function baseCommand(name: string, { io }: ProgramContext): Command {
  return new Command(name)
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .allowExcessArguments(false);
}
