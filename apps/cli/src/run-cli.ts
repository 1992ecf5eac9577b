import { CommanderError } from 'commander';
import type { CliIo } from './cli-io';
import { EXIT_CODES } from './exit-codes';
import { createProgram } from './program';

/** Commander's exits that are not errors: `--help`, `--version`. */
const COMMANDER_SUCCESS = new Set(['commander.helpDisplayed', 'commander.version']);

/**
 * Runs `zmp-manual <args>` in this process and resolves with the exit code (never calls `process.exit`,
 * except through `io.exitNow` on a second Ctrl-C). `args` are the user's arguments, without node and script.
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT_CODES.success;
  const program = createProgram({ io, setExitCode: (code) => (exitCode = code) });
  try {
    await program.parseAsync([...args], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return COMMANDER_SUCCESS.has(error.code) || error.exitCode === 0 ? EXIT_CODES.success : EXIT_CODES.usage;
    }
    // Commands catch their own errors; anything here is a bug in the CLI itself.
    io.stderr.write(`zmp-manual: unknown_error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_CODES.failed;
  }
}
