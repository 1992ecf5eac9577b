import { inspect } from 'node:util';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { failureReasonFor, GitPublisherError, openRepository } from '../src/index';
import { AUTHOR, captureLogger, open, startGitServer, startServer, tempDir, TOKEN, uniqueName, useGitServer, writeFiles } from './helpers';

const WRONG_TOKEN = 'ghs_wrong_7c1e40b9d2aa';

async function failure(promise: Promise<unknown>): Promise<GitPublisherError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GitPublisherError);
  return error as GitPublisherError;
}

/** Every way the error can be shown: its JSON, message, stack and what Node prints for it. */
function renderings(error: GitPublisherError): string[] {
  return [JSON.stringify(error), error.message, error.stack ?? '', inspect(error), String(error)];
}

describe('authentication and secrets', () => {
  const server = useGitServer();

  it('fails with auth_failed (repository_access_failed) on a wrong token, once, and shows it nowhere', async () => {
    const name = uniqueName('auth');
    await server().createRepository(name, { files: { 'README.md': 'r\n' } });
    const { logger, lines } = captureLogger();
    const unauthorisedBefore = server().stats().requests['upload-pack'][401] ?? 0;

    const error = await failure(open(server(), name, { auth: { token: WRONG_TOKEN }, logger }));

    expect(error.toJSON()).toMatchObject({ code: 'auth_failed', operation: 'sync', repository: expect.stringContaining(name) });
    expect(failureReasonFor(error)).toBe('repository_access_failed');
    expect(lines.length).toBeGreaterThan(0);
    for (const text of [...renderings(error), ...lines]) {
      expect(text).not.toContain(WRONG_TOKEN);
      expect(text).not.toContain(Buffer.from(`x-access-token:${WRONG_TOKEN}`).toString('base64'));
    }
    // One unauthenticated request, one with the token, then no retry loop.
    expect((server().stats().requests['upload-pack'][401] ?? 0) - unauthorisedBefore).toBe(2);
  });

  it('fails the push with auth_failed when reading needs no token but the token is refused for writing', async () => {
    const readable = await startGitServer({ tokens: [TOKEN], anonymousRead: true });
    try {
      const seeded = await readable.createRepository('team/public', { files: { 'README.md': 'r\n' } });
      const { logger, lines } = captureLogger();
      const repository = await open(readable, 'team/public', { auth: { token: WRONG_TOKEN }, logger });
      await writeFiles(repository.dir, { 'docs/a.mdx': 'a\n' });
      await repository.commit({ message: 'docs(zcp): update A', all: true });

      const error = await failure(repository.push({ reapply: () => undefined }));

      expect(error.toJSON()).toMatchObject({ code: 'auth_failed', operation: 'push' });
      expect(failureReasonFor(error)).toBe('repository_access_failed');
      expect(readable.stats().requests['receive-pack'][401]).toBe(2); // anonymous, then the token, no loop
      expect(await readable.resolveRef('team/public', 'main')).toBe(seeded.commit);
      for (const text of [...renderings(error), ...lines]) expect(text).not.toContain(WRONG_TOKEN);
    } finally {
      await readable.stop();
    }
  });

  it('fails with auth_failed without credentials against a host that wants them', async () => {
    const name = uniqueName('anonymous');
    await server().createRepository(name, { files: { 'README.md': 'r\n' } });
    const error = await failure(open(server(), name, { auth: undefined }));
    expect(error.toJSON()).toMatchObject({ code: 'auth_failed', statusCode: 401 });
  });

  it('accepts a Basic username and password, and the password reaches neither the logs nor .git/config', async () => {
    const password = 'pw_basic_5e0a77c2';
    const basicServer = await startGitServer({ credentials: [{ username: 'alice', password }] });
    try {
      await basicServer.createRepository('team/basic', { files: { 'README.md': 'r\n' } });
      const { logger, lines } = captureLogger();
      const repository = await openRepository({
        dir: join(await tempDir('basic'), 'copy'),
        url: basicServer.repoUrl('team/basic'),
        branch: 'main',
        auth: { username: 'alice', password },
        author: AUTHOR,
        logger,
      });
      expect(repository.lastSync?.action).toBe('cloned');
      expect(JSON.stringify(repository)).not.toContain(password);
      expect(inspect(repository, { depth: 4 })).not.toContain(password);
      expect(basicServer.stats().pushes).toEqual([]);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.join('\n')).not.toContain(password);
      expect(await readFile(join(repository.dir, '.git', 'config'), 'utf8')).not.toContain(password);
    } finally {
      await basicServer.stop();
    }
  });

  it('refuses a URL with credentials in it without repeating them', async () => {
    const url = `http://x-access-token:${TOKEN}@127.0.0.1:${server().port}/team/site.git`;
    const requestsBefore = server().stats().total;
    const error = await failure(
      openRepository({ dir: await tempDir('url'), url, branch: 'main', auth: { token: TOKEN }, author: AUTHOR }),
    );
    expect(error.code).toBe('invalid_url');
    expect(failureReasonFor(error)).toBe('repository_access_failed');
    for (const text of renderings(error)) expect(text).not.toContain(TOKEN);
    expect(server().stats().total).toBe(requestsBefore); // refused before any request
  });

  it('says not_found for a repository the host does not have', async () => {
    const strict = await startGitServer({ tokens: [TOKEN], autoCreate: false });
    try {
      const error = await failure(open(strict, 'team/missing'));
      expect(error.toJSON()).toMatchObject({ code: 'not_found', statusCode: 404 });
      expect(failureReasonFor(error)).toBe('repository_access_failed');
    } finally {
      await strict.stop();
    }
  });

  it('says network when nothing listens, which is a git_operation_failed', async () => {
    const stopped = await startServer();
    const url = stopped.repoUrl('team/site');
    await stopped.stop();
    const error = await failure(
      openRepository({ dir: await tempDir('network'), url, branch: 'main', auth: { token: TOKEN }, author: AUTHOR }),
    );
    expect(error.toJSON()).toMatchObject({ code: 'network', gitCode: 'ECONNREFUSED' });
    expect(failureReasonFor(error)).toBe('git_operation_failed');
  });
});
