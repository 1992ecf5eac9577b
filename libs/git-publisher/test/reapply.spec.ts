import { repositoryKey } from '../src/index';
import type { LockHandle, Repository, WorkingCopyFs } from '../src/index';
import * as fs from 'node:fs';
import type { HttpClient } from 'isomorphic-git';
import { http, open, pushFromElsewhere, uniqueName, useGitServer, writeFiles } from './helpers';
import type { GitServer } from './helpers';

function writePage(repository: Repository, text: string): Promise<void> {
  return writeFiles(repository.dir, { 'docs/zcp/page.mdx': text });
}

/** A working copy with one commit not pushed yet, and the remote moved by someone else meanwhile. */
async function racing(server: GitServer, prefix: string, overrides: Parameters<typeof open>[2] = {}) {
  const name = uniqueName(prefix);
  await server.createRepository(name, { files: { 'README.md': 'r\n' } });
  const repository = await open(server, name, overrides);
  await writePage(repository, 'ours\n');
  await repository.commit({ message: 'docs(zcp): update Page', paths: ['docs'] });
  const theirs = await pushFromElsewhere(server, name, { 'blog/news.md': 'theirs\n' }, 'blog: news');
  return { name, repository, theirs };
}

describe('re-applying writes after a rejected push', () => {
  const server = useGitServer();

  it('passes an error of reapply through and pushes nothing; the commit is re-made by a later push', async () => {
    const { name, repository, theirs } = await racing(server(), 'reapply-throws');
    const failure = new Error('the export failed');

    await expect(repository.push({ reapply: () => Promise.reject(failure) })).rejects.toBe(failure);

    expect(await server().resolveRef(name, 'main')).toBe(theirs);
    expect(await server().readFile(name, 'main', 'docs/zcp/page.mdx')).toBeUndefined();
    expect(await repository.head()).toBe(theirs);
    // Our commit is not silently forgotten: without reapply it cannot be re-made, with it it lands.
    await expect(repository.push()).rejects.toMatchObject({ code: 'conflict', details: { operation: 'push' } });
    const result = await repository.push({ reapply: () => writePage(repository, 'ours\n') });
    expect(result).toMatchObject({ pushed: true, attempts: 1 });
    expect((await server().log(name, 'main'))[0]).toMatchObject({ sha: result.head, parents: [theirs] });
    expect(await server().readFile(name, 'main', 'docs/zcp/page.mdx')).toBe('ours\n');
  });

  it('re-makes a discarded commit even when another commit was made on top of the remote tip since', async () => {
    const { name, repository, theirs } = await racing(server(), 'commit-after-discard');
    await expect(repository.push({ reapply: () => Promise.reject(new Error('export failed')) })).rejects.toThrow();
    const translate = () => writeFiles(repository.dir, { 'i18n/ko/page.mdx': 'ko\n' });
    await translate();
    await repository.commit({ message: 'i18n(zcp): translate Page into ko', paths: ['i18n'] });

    await expect(repository.push()).rejects.toMatchObject({ code: 'conflict' });
    const result = await repository.push({
      reapply: async () => {
        await writePage(repository, 'ours\n');
        await translate();
      },
    });

    expect(result).toMatchObject({ pushed: true, attempts: 1 });
    expect(result.commits).toHaveLength(2);
    const log = await server().log(name, 'main');
    expect(log.slice(0, 3).map((entry) => entry.message)).toEqual([
      'i18n(zcp): translate Page into ko',
      'docs(zcp): update Page',
      'blog: news',
    ]);
    expect(log[2]!.sha).toBe(theirs);
    expect(await server().readFile(name, 'main', 'docs/zcp/page.mdx')).toBe('ours\n');
  });

  it('keeps the commits to re-make when the re-sync fails, so a second push still lands them', async () => {
    let failNextFetch = false;
    const flaky: HttpClient = {
      request: (request) => {
        if (failNextFetch && request.method === 'POST' && request.url.endsWith('/git-upload-pack')) {
          failNextFetch = false;
          return Promise.reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
        }
        return http.request(request);
      },
    };
    const { name, repository, theirs } = await racing(server(), 'resync-fails', { http: flaky });
    const reapply = () => writePage(repository, 'ours\n');

    failNextFetch = true;
    await expect(repository.push({ reapply })).rejects.toMatchObject({ code: 'network', details: { operation: 'fetch' } });
    const result = await repository.push({ reapply });

    expect(result).toMatchObject({ pushed: true, attempts: 2 });
    expect((await server().log(name, 'main'))[0]).toMatchObject({ sha: result.head, parents: [theirs] });
    expect(await server().readFile(name, 'main', 'docs/zcp/page.mdx')).toBe('ours\n');
  });

  it('re-makes the commits a re-sync discarded before failing midway, instead of reporting nothing to push', async () => {
    // The disk fills up while the re-sync checks out the other commit: the branch already points to it.
    let diskFull = false;
    const filling: WorkingCopyFs = {
      promises: {
        ...fs.promises,
        writeFile: (...args: Parameters<typeof fs.promises.writeFile>) => {
          if (diskFull && String(args[0]).endsWith('blog/news.md')) {
            return Promise.reject(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
          }
          return fs.promises.writeFile(...args);
        },
      },
    };
    const { name, repository, theirs } = await racing(server(), 'reset-fails', { fs: filling });
    const reapply = () => writePage(repository, 'ours\n');

    diskFull = true;
    await expect(repository.push({ reapply })).rejects.toMatchObject({ code: 'git_failed', details: { gitCode: 'ENOSPC' } });
    diskFull = false;
    expect(await repository.head()).toBe(theirs); // our commit is no longer on the branch
    await expect(repository.push()).rejects.toMatchObject({ code: 'conflict' });
    const result = await repository.push({ reapply });

    expect(result).toMatchObject({ pushed: true, attempts: 1 });
    expect((await server().log(name, 'main'))[0]).toMatchObject({ sha: result.head, parents: [theirs] });
    expect(await server().readFile(name, 'main', 'docs/zcp/page.mdx')).toBe('ours\n');
  });

  it('stops with aborted when the signal fires while reapply writes, and pushes nothing', async () => {
    const controller = new AbortController();
    const { name, repository, theirs } = await racing(server(), 'reapply-abort', { signal: controller.signal });
    const accepted = server().stats().pushesAccepted;

    const pushing = repository.push({
      reapply: async ({ signal }) => {
        await writePage(repository, 'ours\n');
        controller.abort();
        expect(signal?.aborted).toBe(true);
      },
    });

    await expect(pushing).rejects.toMatchObject({ code: 'aborted' });
    expect(server().stats().pushesAccepted).toBe(accepted);
    expect(await server().resolveRef(name, 'main')).toBe(theirs);
  });

  it('hands reapply a signal that fires when the lock is lost, and stops with lock_lost', async () => {
    const lost = new AbortController();
    const url = server().repoUrl('unused');
    const lock: LockHandle = { key: repositoryKey(url, 'main'), signal: lost.signal, release: async () => undefined };
    const { name, repository, theirs } = await racing(server(), 'reapply-lock', { lock });
    const seen: boolean[] = [];

    const pushing = repository.push({
      reapply: async ({ signal }) => {
        seen.push(signal?.aborted ?? false);
        lost.abort();
        seen.push(signal?.aborted ?? false);
      },
    });

    await expect(pushing).rejects.toMatchObject({ code: 'lock_lost' });
    expect(seen).toEqual([false, true]);
    expect(await server().resolveRef(name, 'main')).toBe(theirs);
  });
});
