import * as fs from 'node:fs';
import { join } from 'node:path';
import { startGitServer } from './server';
import {
  commitFiles,
  git,
  http,
  initRepo,
  rejection,
  removeTempDirs,
  tempDir,
  tokenAuth,
  workTreeFiles,
} from '../test/helpers';
import type { GitServer } from './types';

const TOKEN = 'tok_options_spec_91ab';

afterAll(removeTempDirs);

describe('anonymousRead', () => {
  let server: GitServer;

  beforeAll(async () => {
    server = await startGitServer({ root: await tempDir('anon'), tokens: [TOKEN], anonymousRead: true });
    await server.createRepository('public', { files: { 'index.md': 'open to all\n' } });
  });
  afterAll(() => server?.stop());

  it('lets a clone without credentials through', async () => {
    const clone = await tempDir('anon-clone');
    await git.clone({ fs, http, dir: clone, url: server.repoUrl('public') });
    expect((await workTreeFiles(clone))['index.md']?.toString('utf8')).toBe('open to all\n');
  });

  it('still wants credentials for a push, and takes the token', async () => {
    const local = await tempDir('anon-push');
    await git.clone({ fs, http, dir: local, url: server.repoUrl('public') });
    const before = await server.resolveRef('public', 'main');
    const sha = await commitFiles(local, { 'index.md': 'changed\n' }, 'change');

    const error = await rejection(git.push({ fs, http, dir: local, ref: 'main' }));
    expect(error.code).toBe('HttpError');
    expect(error.data?.['statusCode']).toBe(401);
    expect(await server.resolveRef('public', 'main')).toBe(before);

    await git.push({ fs, http, dir: local, ref: 'main', onAuth: tokenAuth(TOKEN) });
    expect(await server.resolveRef('public', 'main')).toBe(sha);
  });

  it('refuses wrong credentials even for a read', async () => {
    const response = await fetch(`${server.repoUrl('public')}/info/refs?service=git-upload-pack`, {
      headers: { Authorization: 'Bearer wrong' },
    });
    expect(response.status).toBe(401);
  });
});

describe('allowForcePush', () => {
  it('accepts a non-fast-forward push when enabled', async () => {
    const server = await startGitServer({ tokens: [TOKEN], allowForcePush: true });
    try {
      const url = server.repoUrl('rewrite');
      const first = await initRepo();
      await commitFiles(first, { 'a.md': 'original\n' }, 'original');
      await git.push({ fs, http, dir: first, url, ref: 'main', onAuth: tokenAuth(TOKEN) });
      const rewritten = await initRepo();
      const sha = await commitFiles(rewritten, { 'a.md': 'rewritten\n' }, 'rewritten', 1_700_000_500);

      await git.push({ fs, http, dir: rewritten, url, ref: 'main', force: true, onAuth: tokenAuth(TOKEN) });

      expect(await server.resolveRef('rewrite', 'main')).toBe(sha);
      expect(await server.readFile('rewrite', 'main', 'a.md')).toBe('rewritten\n');
    } finally {
      await server.stop();
    }
  });
});

describe('autoCreate: false', () => {
  it('answers 404 for an unknown repository and creates nothing', async () => {
    const server = await startGitServer({ root: await tempDir('no-create'), tokens: [TOKEN], autoCreate: false });
    try {
      const response = await fetch(`${server.repoUrl('unknown')}/info/refs?service=git-receive-pack`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      });
      expect(response.status).toBe(404);
      expect(await server.hasRepository('unknown')).toBe(false);

      await server.createRepository('known');
      const known = await fetch(`${server.repoUrl('known')}/info/refs?service=git-receive-pack`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      });
      expect(known.status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});

describe('without tokens or credentials', () => {
  it('accepts every request, and stop() removes the temp root it made', async () => {
    const server = await startGitServer();
    try {
      const local = await initRepo();
      const sha = await commitFiles(local, { 'a.md': 'open\n' });

      await git.push({ fs, http, dir: local, url: server.repoUrl('open'), ref: 'main' });

      expect(await server.resolveRef('open', 'main')).toBe(sha);
      expect(server.stats().pushes).toEqual([
        { repository: 'open', user: undefined, updates: [{ ref: 'refs/heads/main', before: undefined, after: sha }] },
      ]);
    } finally {
      await server.stop();
    }
    expect(fs.existsSync(server.root)).toBe(false);
  });

  it('keeps a root it was given', async () => {
    const root = join(await tempDir('kept'), 'repos');
    const server = await startGitServer({ root });
    try {
      await server.createRepository('x');
    } finally {
      await server.stop();
    }
    expect(fs.existsSync(join(root, 'x.git', 'HEAD'))).toBe(true);
  });
});

describe('options checked at start', () => {
  it.each([
    [{ tokens: [''] }, 'invalid_option'],
    [{ credentials: [{ username: 'a', password: '' }] }, 'invalid_option'],
    [{ defaultBranch: '-x' }, 'invalid_ref'],
  ])('refuses %j', async (options, code) => {
    const error = await rejection(startGitServer(options));
    expect(error.code).toBe(code);
  });
});
