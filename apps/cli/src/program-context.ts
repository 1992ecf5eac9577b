import type { CliIo } from './cli-io';

/** What every command's action gets: the outside world, and where to put its exit code. */
export interface ProgramContext {
  io: CliIo;
  setExitCode(code: number): void;
}
