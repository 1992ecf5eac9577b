import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client, LogLevel } from '@notionhq/client';

const REPO = join(__dirname, '..', '..', '..', '..');
const TSX = require.resolve('tsx/cli', { paths: [REPO] });
const CLI_SCRIPT = join(__dirname, '..', 'cli.ts');

/** Runs `npx tsx tools/notion-emulator/src/cli.ts …`; `output()` is what it printed so far. */
function startCli(args: string[]) {
  const child = spawn(process.execPath, [TSX, CLI_SCRIPT, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  const printed = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const look = () => {
        const match = pattern.exec(stdout);
        if (match) {
          child.stdout.off('data', look);
          resolve(match);
        }
      };
      child.stdout.on('data', look);
      void exited.then(() => reject(new Error(`the CLI exited before printing ${pattern}; stderr: ${stderr}`)));
      look();
    });
  return { child, exited, printed, stderr: () => stderr };
}

describe('notion-emulator CLI', () => {
  jest.setTimeout(30_000);

  it('prints its URL, serves the real client with the given token, and stops on SIGTERM', async () => {
    const cli = startCli(['--port', '0', '--generated', '3', '--token', 'secret_cli', '--rate-limit', '0']);
    try {
      const [, url] = await cli.printed(/Notion emulator: (http:\/\/127\.0\.0\.1:\d+)/);
      const notion = new Client({ auth: 'secret_cli', baseUrl: url, logLevel: LogLevel.ERROR, retry: false });
      const me = await notion.users.me({});
      expect(me.type).toBe('bot');
    } finally {
      cli.child.kill('SIGTERM');
    }
    expect(await cli.exited).toBe(0);
  });

  it('exits 2 with a clear message for a bad numeric flag', async () => {
    const cli = startCli(['--rate-limit', 'abc']);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr()).toMatch(/--rate-limit must be a number >= 0 .*got "abc"/);
  });
});
