import * as fs from 'node:fs';
import { request } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startGitServer } from './server';
import {
  basic,
  commitFiles,
  fileAppears,
  git,
  http,
  initRepo,
  rejection,
  removeTempDirs,
  tempDir,
  tokenAuth,
  workTreeFiles,
  wrappedGit,
} from '../test/helpers';
import type { GitServer } from './types';
import type * as FsPromises from 'node:fs/promises';

const TOKEN = 'tok_options_spec_91ab';
/** The module object itself (an `import * as` namespace would be a copy that spying does not reach). */
const fsPromises = jest.requireActual<typeof FsPromises>('node:fs/promises');

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

  it('does not create a repository for an anonymous read, only for an authenticated one', async () => {
    const anonymous = await fetch(`${server.repoUrl('ghost')}/info/refs?service=git-upload-pack`);
    expect(anonymous.status).toBe(404);
    expect(await server.hasRepository('ghost')).toBe(false);

    const authenticated = await fetch(`${server.repoUrl('ghost')}/info/refs?service=git-upload-pack`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(authenticated.status).toBe(200);
    expect(await server.hasRepository('ghost')).toBe(true);
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
    [{ port: -1 }, 'invalid_option'],
    [{ port: 70000 }, 'invalid_option'],
    [{ port: 1.5 }, 'invalid_option'],
  ])('refuses %j', async (options, code) => {
    const error = await rejection(startGitServer(options));
    expect(error.code).toBe(code);
  });

  it('refuses a root it cannot create with a GitServerError and leaves no temp dir behind', async () => {
    const scratch = await tempDir('bad-root');
    const file = join(scratch, 'a-file');
    await writeFile(file, 'not a directory\n');
    const saved = process.env['TMPDIR'];
    process.env['TMPDIR'] = scratch;
    try {
      const error = await rejection(startGitServer({ root: join(file, 'repos') }));
      expect(error.name).toBe('GitServerError');
      expect(error.code).toBe('invalid_option');
    } finally {
      if (saved === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = saved;
    }
    expect(fs.readdirSync(scratch)).toEqual(['a-file']);
  });
});

describe('internal errors', () => {
  it('answers 500 with a generic body and logs the cause; a NUL in a username reaches neither', async () => {
    const lines: string[] = [];
    const server = await startGitServer({
      tokens: [TOKEN],
      gitBinary: join(await tempDir('no-git'), 'missing-git-binary'),
      log: (line) => lines.push(line),
    });
    try {
      const response = await fetch(`${server.repoUrl('x')}/info/refs?service=git-upload-pack`, {
        headers: { Authorization: basic('evil\u0000user\nGET /forged 200', TOKEN) },
      });
      expect(response.status).toBe(500);
      const body = await response.text();
      expect(body).not.toMatch(/missing-git-binary|ENOENT|evil/);
      expect(lines.some((line) => line.includes('missing-git-binary'))).toBe(true);
      expect(lines.filter((line) => /evil|forged/.test(line))).toEqual([]);
      expect(lines.some((line) => / 500 token /.test(line))).toBe(true);
    } finally {
      await server.stop();
    }
  });

  it('logs the last line git http-backend wrote to stderr when it fails', async () => {
    const lines: string[] = [];
    const gitBinary = await wrappedGit('echo "first line" >&2; echo "fatal: backend exploded" >&2; exit 3');
    const server = await startGitServer({ gitBinary, log: (line) => lines.push(line) });
    try {
      const response = await fetch(`${server.repoUrl('x')}/info/refs?service=git-upload-pack`);
      expect(response.status).toBe(502);
      expect(await response.text()).not.toContain('exploded');
      expect(lines.some((line) => line.endsWith('git: fatal: backend exploded'))).toBe(true);
    } finally {
      await server.stop();
    }
  });
});

describe('stop()', () => {
  it('waits for a request in flight and its git process before removing the temp root', async () => {
    const marks = await tempDir('stop-marks');
    const started = join(marks, 'started');
    const done = join(marks, 'done');
    // On SIGTERM the backend still writes into the root before it exits: stop() must wait for that.
    const gitBinary = await wrappedGit(
      [
        `trap 'mkdir -p "$GIT_PROJECT_ROOT/late"; kill $pid 2>/dev/null; touch ${done}; exit 1' TERM`,
        `touch ${started}`,
        'sleep 30 & pid=$!',
        'wait $pid',
      ].join('\n'),
    );
    const server = await startGitServer({ tokens: [TOKEN], gitBinary });
    await server.createRepository('busy');
    const req = request(`${server.repoUrl('busy')}/git-receive-pack`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/x-git-receive-pack-request' },
    });
    req.on('error', () => undefined);
    req.write('00');
    await fileAppears(started);

    await server.stop();

    await fileAppears(done);
    expect(fs.existsSync(server.root)).toBe(false);
    req.destroy();
  });

  it('can be called again after a failed removal', async () => {
    const server = await startGitServer();
    await server.createRepository('kept');
    const rm = jest.spyOn(fsPromises, 'rm').mockRejectedValueOnce(Object.assign(new Error('busy'), { code: 'EBUSY' }));
    try {
      await expect(server.stop()).rejects.toThrow('busy');
    } finally {
      rm.mockRestore();
    }
    expect(fs.existsSync(server.root)).toBe(true);

    await server.stop();

    expect(fs.existsSync(server.root)).toBe(false);
  });
});
