import type { CliIo } from '../../src/cli-io';

export interface MemoryIo extends CliIo {
  out(): string;
  err(): string;
  /** Sends a Ctrl-C to the listeners the program registered. */
  interrupt(): void;
  /** Exit codes asked for through `exitNow` (a second Ctrl-C). */
  exits: number[];
}

export interface MemoryIoOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  tty?: boolean;
  columns?: number;
  /** A fixed or stepping clock; default the real one. */
  now?: () => number;
}

/** A `CliIo` that keeps the output in memory, for running the program in-process. */
export function memoryIo(options: MemoryIoOptions = {}): MemoryIo {
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  const exits: number[] = [];
  return {
    stdout: { write: (text) => void (stdout += text), isTTY: options.tty ?? false, columns: options.columns },
    stderr: { write: (text) => void (stderr += text), isTTY: options.tty ?? false, columns: options.columns },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    interrupts: {
      onInterrupt(listener) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    },
    exitNow: (code) => void exits.push(code),
    now: options.now ?? (() => Date.now()),
    out: () => stdout,
    err: () => stderr,
    interrupt: () => [...listeners].forEach((listener) => listener()),
    exits,
  };
}

/** A clock that moves forward by `stepMs` on every reading, starting at `start`. */
export function steppingClock(start = Date.UTC(2026, 0, 2, 3, 4, 5), stepMs = 100): () => number {
  let t = start - stepMs;
  return () => (t += stepMs);
}
