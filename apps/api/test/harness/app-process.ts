import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * The built apps (the e2e target builds both first: Nest DI needs the emitted decorator metadata).
 * `E2E_API_MAIN` runs another build of the API instead (e.g. a deliberately broken copy, to see a case fail).
 */
export const API_MAIN = process.env.E2E_API_MAIN ?? join(__dirname, '../../dist/main.js');
export const WORKER_MAIN = join(__dirname, '../../../worker/dist/main.js');

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A spawned `node dist/main.js`, with every line it wrote (stdout and stderr) kept in order. */
export class AppProcess {
  readonly output: string[] = [];
  readonly exited: Promise<ProcessExit>;
  private readonly child: ChildProcess;
  private readonly listeners = new Set<(line: string) => void>();

  constructor(
    readonly name: string,
    main: string,
    env: Record<string, string>,
  ) {
    this.child = spawn(process.execPath, [main], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.collect(this.child.stdout!, '');
    this.collect(this.child.stderr!, ' err');
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines, for failure messages. */
  tail(lines = 60): string {
    return this.output.slice(-lines).join('\n');
  }

  /** Resolves with the first line matching `pattern` (already written or to come); rejects on exit or timeout. */
  waitForLine(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const seen = this.output.find((line) => pattern.test(line));
      if (seen !== undefined) return resolve(seen);
      const finish = (error: Error | null, line?: string) => {
        clearTimeout(timer);
        this.listeners.delete(listener);
        if (error) reject(error);
        else resolve(line!);
      };
      const timer = setTimeout(() => finish(new Error(`${this.name}: no line matching ${pattern} within ${timeoutMs} ms; output:\n${this.tail()}`)), timeoutMs);
      const listener = (line: string) => {
        if (pattern.test(line)) finish(null, line);
      };
      this.listeners.add(listener);
      void this.exited.then(({ code, signal }) => {
        if (this.listeners.has(listener)) finish(new Error(`${this.name} exited (${code ?? signal}) before a line matching ${pattern}; output:\n${this.tail()}`));
      });
    });
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  async stop(graceMs = 5_000): Promise<ProcessExit> {
    if (this.running) this.child.kill('SIGTERM');
    const timer = setTimeout(() => {
      if (this.running) this.child.kill('SIGKILL');
    }, graceMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }

  /** SIGKILL at once (its state no longer matters). */
  async kill(): Promise<ProcessExit> {
    if (this.running) this.child.kill('SIGKILL');
    return this.exited;
  }

  private collect(stream: NodeJS.ReadableStream, label: string): void {
    let rest = '';
    const emit = (line: string) => {
      this.output.push(line);
      if (process.env.E2E_APP_LOGS) process.stderr.write(`[${this.name}${label}] ${line}\n`);
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

/** Polls `url` until it answers 200; rejects with the process's output when it exits or `timeoutMs` passes. */
export async function waitUntilReady(app: AppProcess, url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (!app.running) throw new Error(`${app.name} exited before ${url} answered; output:\n${app.tail()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${app.name}: ${url} not ready within ${timeoutMs} ms (last: ${last}); output:\n${app.tail()}`);
}
