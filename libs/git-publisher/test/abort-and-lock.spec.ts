import { InMemoryRepositoryLock, repositoryKey, withRepositoryLock } from '../src/index';
import type { LockHandle } from '../src/index';
import type { HttpClient } from 'isomorphic-git';
import { http, open, readText, tempDir, uniqueName, useGitServer, writeFiles } from './helpers';

describe('stopping before the remote is touched', () => {
  const server = useGitServer();

  it('pushes nothing once the signal fired before push', async () => {
    const name = uniqueName('abort');
    const seeded = await server().createRepository(name, { files: { 'README.md': 'r\n' } });
    const controller = new AbortController();
    const repository = await open(server(), name, { signal: controller.signal });
    await writeFiles(repository.dir, { 'docs/a.mdx': 'a\n' });
    await repository.commit({ message: 'docs(zcp): update A', all: true });
    const receivePacks = (): number => Object.values(server().stats().requests['receive-pack']).reduce((a, b) => a + b, 0);
    const before = receivePacks();

    controller.abort();
    await expect(repository.push()).rejects.toMatchObject({ code: 'aborted', details: { operation: 'push' } });

    expect(receivePacks()).toBe(before);
    expect(await server().resolveRef(name, 'main')).toBe(seeded.commit);
  });

  it('clones nothing when aborted before opening', async () => {
    const name = uniqueName('abort-open');
    await server().createRepository(name, { files: { 'README.md': 'r\n' } });
    const dir = `${await tempDir('abort-open')}/copy`;
    const requests = server().stats().total;

    await expect(open(server(), name, { dir, signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'aborted' });

    expect(server().stats().total).toBe(requests);
    expect(await readText(dir, 'README.md')).toBeUndefined();
  });

  it('stops a clone in flight and leaves no half-made working copy', async () => {
    const name = uniqueName('abort-clone');
    await server().createRepository(name, { files: { 'README.md': 'r\n' } });
    const dir = `${await tempDir('abort-clone')}/copy`;
    const controller = new AbortController();
    // The job is cancelled just as the pack download starts: the request goes out with the fired signal.
    const cancelling: HttpClient = {
      request: (request) => {
        if (request.method === 'POST') controller.abort();
        return http.request(request);
      },
    };

    const opening = open(server(), name, { dir, signal: controller.signal, http: cancelling });

    await expect(opening).rejects.toMatchObject({ code: 'aborted' });
    expect(await readText(dir, 'README.md')).toBeUndefined();
    expect(await readText(dir, '.git/HEAD')).toBeUndefined();
  });

  it('stops with lock_lost before pushing when the lock handle says the lock is gone', async () => {
    const name = uniqueName('lost');
    const seeded = await server().createRepository(name, { files: { 'README.md': 'r\n' } });
    const lost = new AbortController();
    const lock: LockHandle = { key: repositoryKey(server().repoUrl(name), 'main'), signal: lost.signal, release: async () => undefined };
    const repository = await open(server(), name, { lock });
    await writeFiles(repository.dir, { 'docs/a.mdx': 'a\n' });
    await repository.commit({ message: 'docs(zcp): update A', all: true });

    lost.abort();
    await expect(repository.push()).rejects.toMatchObject({ code: 'lock_lost' });
    expect(await server().resolveRef(name, 'main')).toBe(seeded.commit);
  });

  it('runs two publishes of one repository one after the other under the in-memory lock', async () => {
    const name = uniqueName('locked');
    await server().createRepository(name, { files: { 'README.md': 'r\n' } });
    const lock = new InMemoryRepositoryLock();
    const key = repositoryKey(server().repoUrl(name), 'main');
    const dir = `${await tempDir('locked')}/copy`;
    const events: string[] = [];
    const publish = (file: string) =>
      withRepositoryLock(lock, key, async (handle) => {
        events.push(`start ${file}`);
        const repository = await open(server(), name, { dir, lock: handle });
        await writeFiles(repository.dir, { [file]: `${file}\n` });
        await repository.commit({ message: `docs(zcp): update ${file}`, all: true });
        const result = await repository.push(); // no reapply: a concurrent push would be rejected
        events.push(`end ${file}`);
        return result;
      });

    const results = await Promise.all([publish('a.mdx'), publish('b.mdx')]);

    expect(events).toEqual(['start a.mdx', 'end a.mdx', 'start b.mdx', 'end b.mdx']);
    expect(results.map((result) => result.attempts)).toEqual([1, 1]);
    expect(await server().readFile(name, 'main', 'a.mdx')).toBe('a.mdx\n');
    expect(await server().readFile(name, 'main', 'b.mdx')).toBe('b.mdx\n');
  });
});
