import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { removeTempDirs, tempDir } from '../test/helpers';

const TOKEN = 'tok_cli_spec_77c3';
const workspaceRoot = resolve(__dirname, '../../..');

afterAll(removeTempDirs);

describe('cli', () => {
  it('serves until SIGTERM, prints its URL and never the token', async () => {
    const root = join(await tempDir('cli'), 'repos');
    const args = ['--import', 'tsx', 'tools/git-server/src/cli.ts', '--port', '0', '--root', root];
    const child = spawn(process.execPath, args, {
      cwd: workspaceRoot,
      env: { PATH: process.env['PATH'], GIT_SERVER_TOKEN: TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));

    try {
      const url = await new Promise<string>((found, failed) => {
        const look = () => {
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match) found(match[1]!);
        };
        child.stdout.on('data', look);
        child.on('close', () => failed(new Error(`cli exited before listening:\n${output}`)));
      });

      const refs = `${url}/cli.git/info/refs?service=git-receive-pack`;
      expect((await fetch(refs)).status).toBe(401);
      expect((await fetch(refs, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
      expect(existsSync(join(root, 'cli.git', 'HEAD'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }

    expect(await exited).toBe(0);
    expect(output).toMatch(/auth 1 token/);
    expect(output).toMatch(/GET \/cli\.git\/info\/refs receive-pack 200/);
    expect(output).toMatch(/stopped/);
    expect(output).not.toContain(TOKEN);
  });
});

describe('cli with a bad value', () => {
  it.each([
    [['--default-branch=..x'], {}],
    [[], { GIT_SERVER_TOKEN: ' , ' }],
    [[], { GIT_SERVER_USER: '' }],
  ])('%j %j prints the usage and exits 2', async (argv, env) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tools/git-server/src/cli.ts', '--port', '0', ...argv], {
      cwd: workspaceRoot,
      env: { PATH: process.env['PATH'], ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const code = await new Promise<number | null>((done) => child.on('close', (exit) => done(exit)));
    expect({ code, usage: output.includes('Usage:') }).toEqual({ code: 2, usage: true });
    expect(output).not.toContain('listening');
  });
});
