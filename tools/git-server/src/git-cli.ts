import { spawn } from 'node:child_process';
import { GitServerError } from './git-server-error';

export interface GitRunOptions {
  /** Written to git's stdin. */
  input?: string | Uint8Array;
  /** Added to the runner's environment. */
  env?: Record<string, string>;
  /** Exit codes that are answers rather than failures (e.g. 1 for `rev-parse --verify --quiet`). */
  okExitCodes?: number[];
}

export interface GitResult {
  exitCode: number;
  stdout: Buffer;
  stderr: string;
}

export type GitRunner = (args: readonly string[], options?: GitRunOptions) => Promise<GitResult>;

const STDERR_TAIL = 2000;

/** Runs the git CLI with a fixed environment; an unexpected exit code becomes a `git_failed` error. */
export function gitRunner(binary: string, env: Record<string, string>): GitRunner {
  return (args, options = {}) =>
    new Promise((resolve, reject) => {
      const child = spawn(binary, args, { env: { ...env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
      const stdout: Buffer[] = [];
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL);
      });
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input ?? '');
      child.on('error', (error) =>
        reject(new GitServerError('git_failed', `cannot run ${binary}: ${error.message}`, { subject: args[0] })),
      );
      child.on('close', (code) => {
        const exitCode = code ?? -1;
        if (exitCode === 0 || options.okExitCodes?.includes(exitCode)) {
          resolve({ exitCode, stdout: Buffer.concat(stdout), stderr });
          return;
        }
        const command = args.find((arg) => !arg.startsWith('-')) ?? 'git';
        reject(
          new GitServerError('git_failed', `git ${command} failed with exit code ${exitCode}: ${stderr.trim()}`, {
            subject: command,
            exitCode,
            stderr,
          }),
        );
      });
    });
}
