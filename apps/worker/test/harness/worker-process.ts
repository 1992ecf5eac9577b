import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The built worker (the e2e target depends on `build`: Nest DI needs the emitted decorator metadata). */
export const WORKER_MAIN = join(__dirname, '../../dist/main.js');

export interface WorkerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface WorkerProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Every line the process wrote (stdout and stderr), in order. */
  readonly output: string[];
  readonly healthUrl: string;
  readonly exited: Promise<WorkerExit>;
  kill(signal: NodeJS.Signals): void;
  /** Resolves with the first output line matching `pattern` (already written or to come). */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

const READY_LINE = /health on http:\/\/0\.0\.0\.0:(\d+)\/health/;

/** Spawns `node dist/main.js` with exactly `env` (plus PATH/HOME) and resolves once it serves health. */
export async function startWorker(name: string, env: Record<string, string>, options: { timeoutMs?: number } = {}): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [WORKER_MAIN], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', WORKER_NAME: name, WORKER_HEALTH_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const listeners = new Set<(line: string) => void>();
  const onData = (prefix: string) => {
    let rest = '';
    return (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        output.push(line);
        if (process.env.E2E_WORKER_LOGS) process.stderr.write(`[${name}${prefix}] ${line}\n`);
        for (const listener of [...listeners]) listener(line);
      }
    };
  };
  child.stdout!.on('data', onData(''));
  child.stderr!.on('data', onData(' err'));
  const exited = new Promise<WorkerExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const waitForLine = (pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<string>((resolve, reject) => {
      const seen = output.find((line) => pattern.test(line));
      if (seen !== undefined) return resolve(seen);
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`worker ${name}: no line matching ${pattern} within ${timeoutMs} ms; output:\n${output.slice(-40).join('\n')}`));
      }, timeoutMs);
      const listener = (line: string) => {
        if (!pattern.test(line)) return;
        clearTimeout(timer);
        listeners.delete(listener);
        resolve(line);
      };
      listeners.add(listener);
      void exited.then(({ code, signal }) => {
        if (!listeners.has(listener)) return;
        clearTimeout(timer);
        listeners.delete(listener);
        reject(new Error(`worker ${name} exited (${code ?? signal}) before a line matching ${pattern}; output:\n${output.slice(-40).join('\n')}`));
      });
    });

  const ready = await waitForLine(READY_LINE, options.timeoutMs ?? 30_000);
  const port = Number(READY_LINE.exec(ready)![1]);
  return {
    name,
    child,
    output,
    healthUrl: `http://127.0.0.1:${port}/health`,
    exited,
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    waitForLine,
  };
}

/** Stops workers a test left running (SIGKILL: their state no longer matters). */
export async function killAll(workers: Iterable<WorkerProcess>): Promise<void> {
  await Promise.all(
    [...workers].map(async (worker) => {
      worker.kill('SIGKILL');
      await worker.exited;
    }),
  );
}
