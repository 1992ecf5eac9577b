import * as fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startGitServer } from './server';
import {
  basic,
  commitFiles,
  git,
  http,
  initRepo,
  rawGet,
  rejection,
  removeTempDirs,
  tempDir,
  tokenAuth,
  workTreeFiles,
} from '../test/helpers';
import type { GitServer } from './types';

const TOKEN = 'tok_spec_4f1c9a7e2b';
const PASSWORD = 'pw_spec_83d1e0';
const BINARY = Uint8Array.from({ length: 256 }, (_, index) => index);

describe('git server driven by isomorphic-git', () => {
  let server: GitServer;
  const lines: string[] = [];

  beforeAll(async () => {
    server = await startGitServer({
      root: join(await tempDir('root'), 'repos'),
      tokens: [TOKEN],
      credentials: [{ username: 'alice', password: PASSWORD }],
      log: (line) => lines.push(line),
    });
  });

  afterAll(async () => {
    await server?.stop();
    await removeTempDirs();
  });

  it('creates the repository on the first push and a clone gets back the very bytes pushed', async () => {
    const local = await initRepo();
    const files = { 'README.md': '# Manual\n', 'docs/intro.md': 'Hello, git.\n', 'assets/bytes.bin': BINARY };
    const sha = await commitFiles(local, files, 'First pages');
    expect(await server.hasRepository('team/manual')).toBe(false);

    const result = await git.push({
      fs,
      http,
      dir: local,
      url: server.repoUrl('team/manual'),
      ref: 'main',
      onAuth: tokenAuth(TOKEN),
    });

    expect(result.ok).toBe(true);
    expect(await server.hasRepository('team/manual')).toBe(true);
    expect(fs.existsSync(join(server.root, 'team', 'manual.git', 'HEAD'))).toBe(true);
    expect(await server.resolveRef('team/manual', 'main')).toBe(sha);
    expect(await server.readFile('team/manual', 'main', 'docs/intro.md')).toBe('Hello, git.\n');
    const [head] = await server.log('team/manual', 'main');
    expect(head).toMatchObject({ sha, parents: [], message: 'First pages', author: { name: 'Test Author' } });

    const clone = await tempDir('clone');
    await git.clone({ fs, http, dir: clone, url: server.repoUrl('team/manual'), onAuth: tokenAuth(TOKEN) });
    const cloned = await workTreeFiles(clone);
    expect(Object.keys(cloned).sort()).toEqual(['README.md', 'assets/bytes.bin', 'docs/intro.md']);
    expect(cloned['README.md']!.equals(Buffer.from('# Manual\n'))).toBe(true);
    expect(cloned['docs/intro.md']!.equals(Buffer.from('Hello, git.\n'))).toBe(true);
    expect(cloned['assets/bytes.bin']!.equals(Buffer.from(BINARY))).toBe(true);
    expect(await git.resolveRef({ fs, dir: clone, ref: 'HEAD' })).toBe(sha);

    const config = await readFile(join(clone, '.git', 'config'), 'utf8');
    expect(config).toContain(server.repoUrl('team/manual'));
    expect(config).not.toContain(TOKEN);
  });

  it('lets a fast-forward push through and counts it', async () => {
    const local = await initRepo();
    const first = await commitFiles(local, { 'a.md': 'one\n' }, 'one');
    const url = server.repoUrl('ff');
    await git.push({ fs, http, dir: local, url, ref: 'main', onAuth: tokenAuth(TOKEN) });
    const second = await commitFiles(local, { 'a.md': 'two\n' }, 'two', 1_700_000_100);
    const accepted = server.stats().pushesAccepted;

    await git.push({ fs, http, dir: local, url, ref: 'main', onAuth: tokenAuth(TOKEN) });

    expect(await server.readFile('ff', 'main', 'a.md')).toBe('two\n');
    expect((await server.log('ff', 'main')).map((entry) => entry.sha)).toEqual([second, first]);
    const stats = server.stats();
    expect(stats.pushesAccepted).toBe(accepted + 1);
    expect(stats.pushes[stats.pushes.length - 1]).toEqual({
      repository: 'ff',
      user: 'x-access-token',
      updates: [{ ref: 'refs/heads/main', before: first, after: second }],
    });
  });

  it('refuses a push with a wrong token (HTTP 401) and leaves the remote as it was', async () => {
    const local = await initRepo();
    const sha = await commitFiles(local, { 'a.md': 'kept\n' });
    const url = server.repoUrl('guarded');
    await git.push({ fs, http, dir: local, url, ref: 'main', onAuth: tokenAuth(TOKEN) });
    await commitFiles(local, { 'a.md': 'intruder\n' }, 'intrude', 1_700_000_200);
    const before = server.stats();

    const error = await rejection(
      git.push({ fs, http, dir: local, url, ref: 'main', onAuth: tokenAuth(`${TOKEN}-wrong`) }),
    );

    expect(error.code).toBe('HttpError');
    expect(error.data?.['statusCode']).toBe(401);
    expect(await server.resolveRef('guarded', 'main')).toBe(sha);
    expect(await server.readFile('guarded', 'main', 'a.md')).toBe('kept\n');
    const after = server.stats();
    expect(after.pushesAccepted).toBe(before.pushesAccepted);
    expect(after.requests['receive-pack'][401]).toBeGreaterThan(before.requests['receive-pack'][401] ?? 0);
  });

  it('creates nothing for a request it refuses', async () => {
    const local = await initRepo();
    await commitFiles(local, { 'a.md': 'x\n' });

    const error = await rejection(
      git.push({ fs, http, dir: local, url: server.repoUrl('never'), ref: 'main', onAuth: tokenAuth('nope') }),
    );

    expect(error.code).toBe('HttpError');
    expect(await server.hasRepository('never')).toBe(false);
  });

  it('answers a request without credentials with 401 and a Basic challenge', async () => {
    const response = await fetch(`${server.repoUrl('team/manual')}/info/refs?service=git-upload-pack`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
  });

  it.each([
    ['Bearer token', `Bearer ${TOKEN}`],
    ['Basic x-access-token:<token>', basic('x-access-token', TOKEN)],
    ['Basic <token>:x-oauth-basic', basic(TOKEN, 'x-oauth-basic')],
    ['Basic listed user', basic('alice', PASSWORD)],
  ])('accepts %s for info/refs', async (_form, authorization) => {
    const response = await fetch(`${server.repoUrl('team/manual')}/info/refs?service=git-upload-pack`, {
      headers: { Authorization: authorization },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-git-upload-pack-advertisement');
    expect(await response.text()).toContain('refs/heads/main');
  });

  it.each([
    ['Bearer wrong token', 'Bearer wrong'],
    ['Basic wrong password', basic('alice', 'wrong')],
    ['Basic listed user with the token as username', basic('alice', 'x-oauth-basic')],
    ['Basic empty token', basic('', '')],
    ['unknown scheme', `Token ${TOKEN}`],
  ])('refuses %s with 401', async (_form, authorization) => {
    const response = await fetch(`${server.repoUrl('team/manual')}/info/refs?service=git-upload-pack`, {
      headers: { Authorization: authorization },
    });
    expect(response.status).toBe(401);
  });

  it('rejects a non-fast-forward push and keeps the remote branch', async () => {
    const url = server.repoUrl('history');
    const first = await initRepo();
    const kept = await commitFiles(first, { 'a.md': 'original\n' }, 'original');
    await git.push({ fs, http, dir: first, url, ref: 'main', onAuth: tokenAuth(TOKEN) });
    const rewritten = await initRepo();
    await commitFiles(rewritten, { 'a.md': 'rewritten\n' }, 'rewritten', 1_700_000_300);
    const rejectedBefore = server.stats().pushesRejected;

    const error = await rejection(
      git.push({ fs, http, dir: rewritten, url, ref: 'main', force: true, onAuth: tokenAuth(TOKEN) }),
    );

    expect(error.code).toBe('GitPushError');
    expect(error.message).toMatch(/non-fast-forward/);
    expect(await server.resolveRef('history', 'main')).toBe(kept);
    expect(server.stats().pushesRejected).toBe(rejectedBefore + 1);
  });

  it('rejects malformed and traversing paths with 4xx before touching the disk', async () => {
    const auth = { Authorization: `Bearer ${TOKEN}` };
    const paths = [
      '/../escape.git/info/refs?service=git-upload-pack',
      '/%2e%2e/escape.git/info/refs?service=git-upload-pack',
      '/a/%2E%2E/%2e%2e/escape.git/info/refs?service=git-upload-pack',
      '/..%2fescape.git/info/refs?service=git-upload-pack',
      '//tmp/escape.git/info/refs?service=git-upload-pack',
      '/escape.git/../../config',
      '/.hidden.git/info/refs?service=git-upload-pack',
      '/-option.git/info/refs?service=git-upload-pack',
      '/escape.git/config',
      '/escape.git/info/refs?service=git-upload-archive',
    ];
    const statuses: Record<string, number> = {};
    for (const path of paths) statuses[path] = (await rawGet(server.port, path, auth)).status;

    for (const path of paths) {
      const status = statuses[path]!;
      expect({ path, clientError: status >= 400 && status < 500 }).toEqual({ path, clientError: true });
    }
    expect(fs.existsSync(join(server.root, '..', 'escape.git'))).toBe(false);
    expect(fs.existsSync(join(server.root, 'escape.git'))).toBe(false);
  });

  it('never writes a secret into its log', () => {
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.some((line) => / 401 /.test(line))).toBe(true);
    for (const secret of [TOKEN, PASSWORD, Buffer.from(`x-access-token:${TOKEN}`).toString('base64')]) {
      expect(lines.filter((line) => line.includes(secret))).toEqual([]);
    }
  });
});
