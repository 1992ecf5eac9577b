import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startGitServer } from './server';
import { removeTempDirs, tempDir, workTreeFiles } from '../test/helpers';
import type { GitServer } from './types';

const run = promisify(execFile);
const TOKEN = 'tok_git_cli_spec_5d2e';

/**
 * The real git client. Credentials come from a GIT_ASKPASS script reading the token from the environment, so
 * they are in no URL, no argument and no file; nothing from the user's or the system's git config is read.
 */
async function gitCli(args: string[], cwd: string, home: string, token = TOKEN) {
  const askpass = join(home, 'askpass.sh');
  const script = ['#!/bin/sh', 'case "$1" in', '  Username*) echo x-access-token ;;', '  *) echo "$SPEC_GIT_TOKEN" ;;', 'esac'];
  await writeFile(askpass, `${script.join('\n')}\n`);
  await chmod(askpass, 0o700);
  return run('git', args, {
    cwd,
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: home,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_TERMINAL_PROMPT: '0',
      GIT_ASKPASS: askpass,
      SPEC_GIT_TOKEN: token,
      GIT_AUTHOR_NAME: 'CLI Author',
      GIT_AUTHOR_EMAIL: 'cli@example.invalid',
      GIT_COMMITTER_NAME: 'CLI Author',
      GIT_COMMITTER_EMAIL: 'cli@example.invalid',
    },
  });
}

describe('git server driven by the git CLI', () => {
  let server: GitServer;
  let home: string;
  const lines: string[] = [];

  beforeAll(async () => {
    home = await tempDir('home');
    server = await startGitServer({ root: await tempDir('root'), tokens: [TOKEN], log: (line) => lines.push(line) });
  });
  afterAll(async () => {
    await server?.stop();
    await removeTempDirs();
  });

  it('clones a repository made by createRepository, files and commit included', async () => {
    const created = await server.createRepository('seeded', {
      files: { 'README.md': '# Seeded\n', 'docs/a/b.md': 'deep\n' },
      message: 'Seed',
    });
    expect(created).toMatchObject({ name: 'seeded', url: server.repoUrl('seeded'), path: server.repoPath('seeded') });
    expect(created.commit).toMatch(/^[0-9a-f]{40}$/);

    const parent = await tempDir('cli-clone');
    await gitCli(['clone', '--quiet', created.url, 'work'], parent, home);

    const work = join(parent, 'work');
    const files = await workTreeFiles(work);
    expect(Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, bytes.toString('utf8')]))).toEqual({
      'README.md': '# Seeded\n',
      'docs/a/b.md': 'deep\n',
    });
    expect((await gitCli(['rev-parse', 'HEAD'], work, home)).stdout.trim()).toBe(created.commit);
    expect((await gitCli(['symbolic-ref', '--short', 'HEAD'], work, home)).stdout.trim()).toBe('main');
    expect(await readFile(join(work, '.git', 'config'), 'utf8')).not.toContain(TOKEN);
  });

  it('takes a push from the git CLI, chunked and gzipped, and counts it once', async () => {
    await server.createRepository('cli-push', { files: { 'a.md': 'one\n' } });
    const parent = await tempDir('cli-push');
    await gitCli(['clone', '--quiet', server.repoUrl('cli-push'), 'work'], parent, home);
    const work = join(parent, 'work');
    const big = randomBytes(256 * 1024);
    await writeFile(join(work, 'a.md'), 'two\n');
    await writeFile(join(work, 'big.bin'), big);
    await gitCli(['add', '.'], work, home);
    await gitCli(['commit', '--quiet', '-m', 'two'], work, home);
    const before = server.stats();

    // A post buffer smaller than the pack makes git send it chunked, after a `0000` probe request.
    await gitCli(['-c', 'http.postBuffer=4096', 'push', '--quiet', 'origin', 'main'], work, home);

    const head = (await gitCli(['rev-parse', 'HEAD'], work, home)).stdout.trim();
    expect(await server.resolveRef('cli-push', 'main')).toBe(head);
    expect(await server.readFile('cli-push', 'main', 'a.md')).toBe('two\n');
    const after = server.stats();
    expect(after.pushesAccepted).toBe(before.pushesAccepted + 1);
    expect(after.pushesRejected).toBe(before.pushesRejected);

    const clone = await tempDir('cli-push-back');
    await gitCli(['clone', '--quiet', server.repoUrl('cli-push'), 'back'], clone, home);
    expect((await readFile(join(clone, 'back', 'big.bin'))).equals(big)).toBe(true);
  });

  it('fails a clone with a wrong token', async () => {
    await server.createRepository('private', { files: { 'a.md': 'secret\n' } });
    const parent = await tempDir('cli-denied');
    const error = await gitCli(['clone', '--quiet', server.repoUrl('private'), 'work'], parent, home, 'wrong').then(
      () => undefined,
      (failure: { stderr?: string }) => failure,
    );
    expect(error?.stderr).toMatch(/Authentication failed|401/);
  });

  it('never writes a secret into its log', () => {
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.filter((line) => line.includes(TOKEN))).toEqual([]);
  });
});
