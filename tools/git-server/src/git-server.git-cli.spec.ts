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
async function gitCli(args: string[], cwd: string, home: string, token = TOKEN, extraEnv: Record<string, string> = {}) {
  const askpass = join(home, 'askpass.sh');
  const script = ['#!/bin/sh', 'case "$1" in', '  Username*) echo x-access-token ;;', '  *) echo "$SPEC_GIT_TOKEN" ;;', 'esac'];
  await writeFile(askpass, `${script.join('\n')}\n`);
  await chmod(askpass, 0o700);
  return run('git', args, {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...extraEnv,
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

  it('takes a chunked push from the git CLI (after its 0000 probe) and counts it once', async () => {
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

  it('serves a git CLI clone whose upload-pack request is gzipped (many branches, many wants)', async () => {
    const parent = await tempDir('cli-gzip');
    const work = join(parent, 'work');
    await gitCli(['init', '--quiet', '--initial-branch=main', work], parent, home);
    // Distinct commits on 40 branches: the clone wants all of them, a request large enough for git to gzip.
    const branches = Array.from({ length: 40 }, (_, index) => `branch-${index}`);
    for (const branch of branches) {
      await gitCli(['commit', '--quiet', '--allow-empty', '-m', branch], work, home);
      await gitCli(['branch', branch], work, home);
    }
    await gitCli(['push', '--quiet', server.repoUrl('many-branches'), '--all'], work, home);

    const traced = await gitCli(['clone', '--mirror', server.repoUrl('many-branches'), 'mirror'], parent, home, TOKEN, {
      GIT_TRACE_CURL: '1',
      GIT_TRACE_CURL_NO_DATA: '1',
    });

    expect(traced.stderr).toMatch(/POST \/many-branches\.git\/git-upload-pack[\s\S]*Content-Encoding: gzip/);
    const refs = (await gitCli(['for-each-ref', '--format=%(refname:short)'], join(parent, 'mirror'), home)).stdout;
    expect(refs.trim().split('\n').sort()).toEqual([...branches, 'main'].sort());
  });

  it('counts a git CLI push of two refs with one refused as accepted, recording only the accepted ref', async () => {
    const created = await server.createRepository('mixed', { files: { 'a.md': 'one\n' } });
    const parent = await tempDir('cli-mixed');
    await gitCli(['clone', '--quiet', created.url, 'work'], parent, home);
    const work = join(parent, 'work');
    await gitCli(['commit', '--quiet', '--allow-empty', '-m', 'side'], work, home);
    await gitCli(['push', '--quiet', 'origin', 'HEAD:refs/heads/side'], work, home);
    await gitCli(['reset', '--quiet', '--hard', 'HEAD~1'], work, home);
    await gitCli(['commit', '--quiet', '--allow-empty', '-m', 'two'], work, home);
    const head = (await gitCli(['rev-parse', 'HEAD'], work, home)).stdout.trim();
    const before = server.stats();

    // main fast-forwards; side would lose a commit: git answers `ok` for one and `ng` for the other.
    const failure = await gitCli(['push', '--porcelain', 'origin', 'HEAD:refs/heads/main', 'HEAD:refs/heads/side'], work, home).then(
      () => undefined,
      (error: { stdout?: string }) => error,
    );

    expect(failure?.stdout).toMatch(/rejected/);
    const after = server.stats();
    expect(after.pushesAccepted).toBe(before.pushesAccepted + 1);
    expect(after.pushesRejected).toBe(before.pushesRejected);
    expect(after.pushes[after.pushes.length - 1]?.updates).toEqual([
      { ref: 'refs/heads/main', before: created.commit, after: head },
    ]);
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
