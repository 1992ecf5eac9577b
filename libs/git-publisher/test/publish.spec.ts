import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatCommitMessage } from '../src/index';
import { cloneBack, open, readText, removeFile, uniqueName, useGitServer, writeFiles } from './helpers';

describe('publishing through a real git server', () => {
  const server = useGitServer();

  it('clones, commits and pushes, and a clone made afterwards sees the pushed file', async () => {
    const name = uniqueName('publish');
    const seeded = await server().createRepository(name, { files: { 'README.md': '# Site\n' } });
    const events: { phase: string; loaded: number }[] = [];
    const repository = await open(server(), name, { onProgress: (event) => events.push(event) });
    expect(repository.lastSync).toEqual({ action: 'cloned', head: seeded.commit });
    expect(events.length).toBeGreaterThan(0);
    expect(typeof events[0]!.phase).toBe('string');

    await writeFiles(repository.dir, { 'docs/zcp/installation.mdx': '# Installation\n' });
    const message = formatCommitMessage({ type: 'docs', solution: 'zcp', pages: ['Installation'] });
    const sha = await repository.commit({ message, paths: ['docs/zcp'] });
    expect(sha).toMatch(/^[0-9a-f]{40}$/);

    const result = await repository.push();
    expect(result).toEqual({ pushed: true, head: sha, attempts: 1, commits: [sha] });
    const [head] = await server().log(name, 'main');
    expect(head).toMatchObject({ sha, parents: [seeded.commit], message: 'docs(zcp): update Installation\n\n- Installation' });
    expect(head!.author).toMatchObject(AUTHOR_MATCH);

    const clone = await cloneBack(server(), name);
    expect(await readText(clone, 'docs/zcp/installation.mdx')).toBe('# Installation\n');
    expect(await readText(clone, 'README.md')).toBe('# Site\n');
  });

  it('makes no commit and no push when nothing changed', async () => {
    const name = uniqueName('no-diff');
    const seeded = await server().createRepository(name, { files: { 'docs/a.mdx': 'A\n' } });
    const repository = await open(server(), name);
    await writeFiles(repository.dir, { 'docs/a.mdx': 'A\n' }); // rewritten with the same bytes

    expect(await repository.commit({ message: 'docs(zcp): update A', all: true })).toBeNull();
    const pushesBefore = server().stats().pushesAccepted + server().stats().pushesRejected;
    expect(await repository.push()).toEqual({ pushed: false, head: seeded.commit, attempts: 0, commits: [] });
    expect(server().stats().pushesAccepted + server().stats().pushesRejected).toBe(pushesBefore);
    expect(await server().resolveRef(name, 'main')).toBe(seeded.commit);
  });

  it('commits removed files as removals', async () => {
    const name = uniqueName('delete');
    await server().createRepository(name, { files: { 'docs/old.mdx': 'old\n', 'docs/kept.mdx': 'kept\n' } });
    const repository = await open(server(), name);
    await removeFile(repository.dir, 'docs/old.mdx');

    const sha = await repository.commit({ message: 'docs(zcp): remove Old', paths: ['docs'] });
    expect(sha).not.toBeNull();
    await repository.push();

    expect(await server().readFile(name, 'main', 'docs/old.mdx')).toBeUndefined();
    expect(await server().readFile(name, 'main', 'docs/kept.mdx')).toBe('kept\n');
    expect(await repository.status()).toMatchObject({ clean: true, head: sha, changes: [] });
  });

  it('stages only the given paths and leaves the rest uncommitted', async () => {
    const name = uniqueName('paths');
    await server().createRepository(name, { files: { 'README.md': 'r\n' } });
    const repository = await open(server(), name);
    await writeFiles(repository.dir, { 'docs/zcp/a.mdx': 'a\n', 'i18n/ko/a.mdx': 'ko\n' });

    const docs = await repository.commit({ message: 'docs(zcp): update A', paths: ['docs/'] });
    expect((await repository.status()).changes).toEqual([{ path: 'i18n/ko/a.mdx', change: 'added' }]);
    const i18n = await repository.commit({ message: 'i18n(zcp): translate A into ko', paths: ['i18n'] });
    const result = await repository.push();

    expect(result.commits).toEqual([docs, i18n]);
    const log = await server().log(name, 'main');
    expect(log.slice(0, 2).map((entry) => entry.message)).toEqual(['i18n(zcp): translate A into ko', 'docs(zcp): update A']);
    expect(await server().readFile(name, docs!, 'i18n/ko/a.mdx')).toBeUndefined();
    expect(await server().readFile(name, i18n!, 'i18n/ko/a.mdx')).toBe('ko\n');
  });

  it('publishes even when the logger throws: logging never fails a step', async () => {
    const name = uniqueName('bad-logger');
    await server().createRepository(name, { files: { 'README.md': 'r\n' } });
    let calls = 0;
    const explode = (): never => {
      calls += 1;
      throw new Error('log sink is down');
    };
    const repository = await open(server(), name, { logger: { debug: explode, info: explode, warn: explode } });
    await writeFiles(repository.dir, { 'docs/a.mdx': 'a\n' });
    const sha = await repository.commit({ message: 'docs(zcp): update A', all: true });

    expect(await repository.push()).toMatchObject({ pushed: true, head: sha, attempts: 1 });
    expect(await server().resolveRef(name, 'main')).toBe(sha);
    expect(calls).toBeGreaterThan(2);
  });

  it('keeps the working copy between runs and never writes the token into .git/config', async () => {
    const name = uniqueName('reuse');
    await server().createRepository(name, { files: { 'README.md': 'r\n' } });
    const first = await open(server(), name);
    await writeFiles(first.dir, { 'docs/a.mdx': 'a\n' });
    const sha = await first.commit({ message: 'docs(zcp): update A', all: true });
    await first.push();

    const second = await open(server(), name, { dir: first.dir });
    expect(second.lastSync).toEqual({ action: 'up_to_date', head: sha });
    const config = await readFile(join(first.dir, '.git', 'config'), 'utf8');
    expect(config).toContain(server().repoUrl(name));
    expect(config).not.toContain(TOKEN_FRAGMENT);
  });
});

const AUTHOR_MATCH = { name: 'Publisher Bot', email: 'bot@example.invalid' };
const TOKEN_FRAGMENT = 'ghs_spec';
