import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Every child still running, killed when the demo's own process exits without stopping them (a crash). */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function killOnExit(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const leftover of running) leftover.kill('SIGKILL');
  });
}

/** A process the demo started (the built API, the worker, a throwaway redis-server), its output kept in memory. */
export class DemoChild {
  readonly output: string[] = [];
  readonly exited: Promise<ChildExit>;
  private readonly child: ChildProcess;
  private readonly listeners = new Set<(line: string) => void>();

  constructor(
    readonly name: string,
    command: string,
    args: readonly string[],
    env: Record<string, string>,
    private readonly echo?: (line: string) => void,
  ) {
    this.child = spawn(command, [...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    killOnExit(this.child);
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => resolve({ code, signal }));
      this.child.once('error', (error) => {
        this.output.push(`${name} could not start: ${error.message}`);
        resolve({ code: null, signal: null });
      });
    });
    if (this.child.stdout) this.collect(this.child.stdout);
    if (this.child.stderr) this.collect(this.child.stderr);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null && this.child.pid !== undefined;
  }

  tail(lines = 30): string {
    return this.output.slice(-lines).join('\n');
  }

  /** The first line matching `pattern` (already written or to come); rejects when the process exits or after `timeoutMs`. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
    return new Promise((resolve, reject) => {
      const seen = this.output.map((line) => pattern.exec(line)).find((match) => match !== null);
      if (seen) return resolve(seen);
      const finish = (error: Error | null, match?: RegExpExecArray) => {
        clearTimeout(timer);
        this.listeners.delete(listener);
        if (match) resolve(match);
        else reject(error ?? new Error(`${this.name}: no match`));
      };
      const timer = setTimeout(() => finish(new Error(`${this.name} did not start within ${timeoutMs / 1000} s; its last lines:\n${this.tail()}`)), timeoutMs);
      const listener = (line: string) => {
        const match = pattern.exec(line);
        if (match) finish(null, match);
      };
      this.listeners.add(listener);
      void this.exited.then(({ code, signal }) => {
        if (this.listeners.has(listener)) finish(new Error(`${this.name} exited (${code ?? signal}) while starting; its last lines:\n${this.tail()}`));
      });
    });
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  async stop(graceMs = 5_000): Promise<ChildExit> {
    if (this.running) this.child.kill('SIGTERM');
    const timer = setTimeout(() => {
      if (this.running) this.child.kill('SIGKILL');
    }, graceMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }

  private collect(stream: NodeJS.ReadableStream): void {
    let rest = '';
    const emit = (line: string) => {
      this.output.push(line);
      if (this.output.length > 2_000) this.output.splice(0, 1_000);
      this.echo?.(`[${this.name}] ${line}`);
      for (const listener of [...this.listeners]) listener(line);
    };
    stream.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      lines.forEach(emit);
    });
    stream.on('end', () => {
      if (rest !== '') emit(rest);
      rest = '';
    });
  }
}
