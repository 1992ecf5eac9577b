/**
 * Everything the CLI touches in the outside world, passed in so that a test runs the whole program in-process
 * (its own output buffers, environment and interrupts) and `main.ts` wires it to the real process.
 */
export interface OutputStream {
  write(text: string): void;
  /** A terminal: live progress lines are drawn with ANSI escapes. */
  isTTY?: boolean;
  /** Terminal width, when known. */
  columns?: number;
}

/** Where Ctrl-C comes from: `main.ts` listens to SIGINT; a test calls the listener itself. */
export interface InterruptSource {
  /** Registers `listener` for interrupts; returns a function that unregisters it. */
  onInterrupt(listener: () => void): () => void;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  /** The environment settings are read from (flags override it). */
  env: Readonly<Record<string, string | undefined>>;
  /** Folder relative paths are resolved against. */
  cwd: string;
  interrupts: InterruptSource;
  /** Called on a second Ctrl-C: ends the process at once with this code. */
  exitNow(code: number): void;
  /** Milliseconds since the epoch (injected so renderer output is reproducible). */
  now(): number;
}

/** The real process: stdout/stderr, `process.env`, SIGINT. */
export function processIo(): CliIo {
  return {
    stdout: {
      write: (text) => void process.stdout.write(text),
      get isTTY() {
        return process.stdout.isTTY === true;
      },
      get columns() {
        return process.stdout.columns;
      },
    },
    stderr: {
      write: (text) => void process.stderr.write(text),
      get isTTY() {
        return process.stderr.isTTY === true;
      },
      get columns() {
        return process.stderr.columns;
      },
    },
    env: process.env,
    cwd: process.cwd(),
    interrupts: {
      onInterrupt(listener) {
        process.on('SIGINT', listener);
        return () => void process.off('SIGINT', listener);
      },
    },
    exitNow: (code) => process.exit(code),
    now: () => Date.now(),
  };
}
