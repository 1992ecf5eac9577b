import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import OpenAI from 'openai';

const WORKSPACE = join(__dirname, '..', '..', '..');
const TSX_CLI = require.resolve('tsx/cli', { paths: [WORKSPACE] });
const CLI = join(__dirname, 'cli.ts');

interface Running {
  child: ChildProcess;
  /** Resolves with the exit code once the process has exited and its output streams are closed. */
  closed: Promise<number | null>;
  stdout(): string;
  stderr(): string;
}

function run(args: string[]): Running {
  const child = spawn(process.execPath, [TSX_CLI, CLI, ...args], { cwd: WORKSPACE, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (data: Buffer) => (stdout += data.toString('utf8')));
  child.stderr?.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
  const closed = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { child, closed, stdout: () => stdout, stderr: () => stderr };
}

function waitFor(child: ChildProcess, read: () => string, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = read().match(pattern);
      if (match !== null) {
        child.stdout?.off('data', check);
        child.off('exit', onExit);
        resolve(match);
      }
    };
    const onExit = () => reject(new Error(`the CLI exited before printing ${pattern}: ${read()}`));
    child.stdout?.on('data', check);
    child.once('exit', onExit);
    check();
  });
}

describe('cli', () => {
  it('serves the real openai client with the flags it was given, and stops on SIGTERM', async () => {
    const cli = run(['--port', '0', '--api-key', 'sk-cli', '--language', 'ko', '--faults', '{"truncate":{"count":1}}']);
    try {
      const [, url] = await waitFor(cli.child, cli.stdout, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const openai = new OpenAI({ baseURL: `${url}/v1`, apiKey: 'sk-cli', maxRetries: 0 });
      const request = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Hello world, again' }] };

      const truncated = await openai.chat.completions.create(request);
      expect(truncated.choices[0].finish_reason).toBe('length');
      const whole = await openai.chat.completions.create(request);
      expect(whole.choices[0].message.content).toBe('⟪ko:Hello world, again⟫');

      const stats = (await (await fetch(`${url}/__stats`)).json()) as { requests: number };
      expect(stats.requests).toBe(2);
    } finally {
      cli.child.kill('SIGTERM');
    }
    expect(await cli.closed).toBe(0);
    expect(cli.stdout()).toContain('OpenAI emulator stopped');
  });

  it('prints the usage and exits 2 on a bad flag', async () => {
    const cli = run(['--port', 'nope']);
    expect(await cli.closed).toBe(2);
    expect(cli.stderr()).toContain('--port must be 0-65535');
    expect(cli.stderr()).toContain('Usage:');
  });
});
