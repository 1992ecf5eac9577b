import { GitPublisherError } from '../src/index';
import type { Repository } from '../src/index';
import { captureLogger, open, pushFromElsewhere, startGitServer, TOKEN, uniqueName, useGitServer, writeFiles } from './helpers';

/** Writes the page the job produces: what `reapply` does again on the new remote tip. */
function writePage(repository: Repository, text: string): Promise<void> {
  return writeFiles(repository.dir, { 'docs/zcp/page.mdx': text });
}

describe('pushing while someone else pushes', () => {
  const server = useGitServer();

  it('re-syncs, re-applies and lands on top of a commit pushed from another clone, never forcing', async () => {
    const name = uniqueName('race');
    await server().createRepository(name, { files: { 'README.md': 'r\n' } });
    const { logger, lines } = captureLogger();
    const repository = await open(server(), name, { logger });
    await writePage(repository, 'ours\n');
    await repository.commit({ message: 'docs(zcp): update Page', paths: ['docs'] });

    const theirs = await pushFromElsewhere(server(), name, { 'blog/news.md': 'theirs\n' }, 'blog: news');
    const reapplied: number[] = [];
    const result = await repository.push({
      reapply: async ({ attempt }) => {
        reapplied.push(attempt);
        await writePage(repository, 'ours\n');
      },
    });

    expect(reapplied).toEqual([2]);
    expect(result).toMatchObject({ pushed: true, attempts: 2 });
    const log = await server().log(name, 'main');
    expect(log[0]).toMatchObject({ sha: result.head, parents: [theirs], message: 'docs(zcp): update Page' });
    expect(log.map((entry) => entry.sha)).toContain(theirs);
    expect(await server().readFile(name, 'main', 'blog/news.md')).toBe('theirs\n');
    expect(await server().readFile(name, 'main', 'docs/zcp/page.mdx')).toBe('ours\n');
    expect(result.commits).toEqual([result.head]);
    expect(lines.some((line) => line.includes('push rejected'))).toBe(true);
  });

  it('keeps the other commit even on a host that would accept a force push', async () => {
    const lenient = await startGitServer({ tokens: [TOKEN], allowForcePush: true });
    try {
      const name = 'team/lenient';
      await lenient.createRepository(name, { files: { 'README.md': 'r\n' } });
      const repository = await open(lenient, name);
      await writePage(repository, 'ours\n');
      await repository.commit({ message: 'docs(zcp): update Page', all: true });
      const theirs = await pushFromElsewhere(lenient, name, { 'blog/news.md': 'theirs\n' }, 'blog: news');

      await expect(repository.push()).rejects.toMatchObject({ code: 'push_rejected' });
      expect(await lenient.resolveRef(name, 'main')).toBe(theirs);

      const result = await repository.push({ reapply: () => writePage(repository, 'ours\n') });
      expect((await lenient.log(name, 'main'))[0]).toMatchObject({ sha: result.head, parents: [theirs] });
      expect(await lenient.readFile(name, 'main', 'blog/news.md')).toBe('theirs\n');
    } finally {
      await lenient.stop();
    }
  });

  it('lands both of two jobs that push at the same moment from separate working copies', async () => {
    const name = uniqueName('both');
    await server().createRepository(name, { files: { 'README.md': 'r\n' } });
    const [a, b] = await Promise.all([open(server(), name), open(server(), name)]);
    const job = async (repository: Repository, file: string) => {
      const write = () => writeFiles(repository.dir, { [file]: `${file}\n` });
      await write();
      await repository.commit({ message: `docs(zcp): update ${file}`, all: true });
      return repository.push({ reapply: write });
    };

    const results = await Promise.all([job(a, 'docs/a.mdx'), job(b, 'docs/b.mdx')]);

    expect(results.every((result) => result.pushed)).toBe(true);
    expect(results.map((result) => result.attempts).sort()).toEqual([1, 2]);
    expect(await server().readFile(name, 'main', 'docs/a.mdx')).toBe('docs/a.mdx\n');
    expect(await server().readFile(name, 'main', 'docs/b.mdx')).toBe('docs/b.mdx\n');
    const messages = (await server().log(name, 'main')).map((entry) => entry.message);
    expect(messages.slice(0, 2).sort()).toEqual(['docs(zcp): update docs/a.mdx', 'docs(zcp): update docs/b.mdx']);
  });

  it('drops a re-made commit that no longer changes anything and pushes nothing', async () => {
    const name = uniqueName('same');
    await server().createRepository(name, { files: { 'README.md': 'r\n' } });
    const repository = await open(server(), name);
    await writePage(repository, 'same\n');
    await repository.commit({ message: 'docs(zcp): update Page', all: true });
    const theirs = await pushFromElsewhere(server(), name, { 'docs/zcp/page.mdx': 'same\n' }, 'docs: same page');

    const result = await repository.push({ reapply: () => writePage(repository, 'same\n') });

    expect(result).toEqual({ pushed: false, head: theirs, attempts: 1, commits: [] });
    expect(await server().resolveRef(name, 'main')).toBe(theirs);
  });

  it('gives up with push_rejected after maxAttempts while the branch keeps moving', async () => {
    const name = uniqueName('busy');
    await server().createRepository(name, { files: { 'README.md': 'r\n' } });
    const repository = await open(server(), name);
    await writePage(repository, 'ours\n');
    await repository.commit({ message: 'docs(zcp): update Page', all: true });
    let others = 0;
    const moveRemote = async () => {
      others += 1;
      await pushFromElsewhere(server(), name, { [`other/${others}.md`]: 'x\n' }, `other ${others}`);
    };
    await moveRemote();

    const error = await repository
      .push({
        maxAttempts: 2,
        reapply: async () => {
          await writePage(repository, 'ours\n');
          await moveRemote(); // the branch moves again before our next push
        },
      })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(GitPublisherError);
    expect((error as GitPublisherError).toJSON()).toMatchObject({ code: 'push_rejected', attempts: 2, operation: 'push' });
    expect(await server().readFile(name, 'main', 'docs/zcp/page.mdx')).toBeUndefined();
    expect(await server().readFile(name, 'main', 'other/2.md')).toBe('x\n');
  });

  it('fails at once with push_rejected when there is no reapply callback', async () => {
    const name = uniqueName('no-reapply');
    await server().createRepository(name, { files: { 'README.md': 'r\n' } });
    const repository = await open(server(), name);
    await writePage(repository, 'ours\n');
    const ours = await repository.commit({ message: 'docs(zcp): update Page', all: true });
    const theirs = await pushFromElsewhere(server(), name, { 'blog/x.md': 'x\n' }, 'blog: x');

    await expect(repository.push()).rejects.toMatchObject({ code: 'push_rejected', details: { attempts: 1 } });
    expect(await server().resolveRef(name, 'main')).toBe(theirs);
    expect(await repository.head()).toBe(ours);
  });
});
