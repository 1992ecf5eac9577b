import * as fs from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git, open, pushFromElsewhere, readText, removeFile, tempDir, TOKEN, uniqueName, useGitServer, writeFiles } from './helpers';

describe('the persistent working copy', () => {
  const server = useGitServer();

  it('clones shallow: only the tip commit is fetched', async () => {
    const name = uniqueName('shallow');
    await server().createRepository(name, { files: { 'README.md': 'r\n' } });
    await pushFromElsewhere(server(), name, { 'a.md': 'a\n' }, 'second');
    const tip = await pushFromElsewhere(server(), name, { 'b.md': 'b\n' }, 'third');

    const repository = await open(server(), name);

    const log = await git.log({ fs, dir: repository.dir });
    expect(log.map((entry) => entry.oid)).toEqual([tip]);
    expect(fs.readFileSync(join(repository.dir, '.git', 'shallow'), 'utf8').trim()).toBe(tip);
  });

  it('fast-forwards an existing working copy to commits pushed meanwhile', async () => {
    const name = uniqueName('ff');
    await server().createRepository(name, { files: { 'README.md': 'r\n' } });
    const first = await open(server(), name, { depth: null });
    const theirs = await pushFromElsewhere(server(), name, { 'docs/new.mdx': 'new\n' }, 'docs: new');

    const again = await open(server(), name, { dir: first.dir });

    expect(again.lastSync).toEqual({ action: 'fast_forwarded', head: theirs });
    expect(await readText(first.dir, 'docs/new.mdx')).toBe('new\n');
  });

  it('hard-resets a working copy left dirty by an earlier job, keeping ignored files', async () => {
    const name = uniqueName('dirty');
    const seeded = await server().createRepository(name, {
      files: { '.gitignore': 'node_modules/\n', 'docs/a.mdx': 'a\n', 'docs/b.mdx': 'b\n' },
    });
    const previous = await open(server(), name);
    const dir = previous.dir;
    const unpushed = await (async () => {
      await writeFiles(dir, { 'docs/committed.mdx': 'never pushed\n' });
      return previous.commit({ message: 'docs: a commit that was never pushed', all: true });
    })();
    await writeFiles(dir, { 'docs/a.mdx': 'half-written\n', 'docs/stray/x.mdx': 'stray\n', 'node_modules/m.js': 'm\n' });
    await removeFile(dir, 'docs/b.mdx');
    await writeFile(join(dir, 'staged.mdx'), 'staged\n');
    await git.add({ fs, dir, filepath: 'staged.mdx' });

    const repository = await open(server(), name, { dir });

    expect(repository.lastSync).toEqual({ action: 'reset', head: seeded.commit });
    expect(await repository.head()).toBe(seeded.commit);
    expect(unpushed).not.toBeNull();
    expect(await repository.status()).toMatchObject({ clean: true, changes: [] });
    expect(await readText(dir, 'docs/a.mdx')).toBe('a\n');
    expect(await readText(dir, 'docs/b.mdx')).toBe('b\n');
    expect(await readText(dir, 'docs/committed.mdx')).toBeUndefined();
    expect(await readText(dir, 'staged.mdx')).toBeUndefined();
    expect(fs.existsSync(join(dir, 'docs', 'stray'))).toBe(false);
    expect(await readText(dir, 'node_modules/m.js')).toBe('m\n');
  });

  it('creates a missing branch from the default branch and publishes to it alone', async () => {
    const name = uniqueName('branch');
    const seeded = await server().createRepository(name, { files: { 'README.md': 'r\n' } });

    const repository = await open(server(), name, { branch: 'develop' });

    expect(repository.lastSync).toEqual({ action: 'created_branch', head: seeded.commit });
    expect(await server().resolveRef(name, 'develop')).toBe(seeded.commit);
    await writeFiles(repository.dir, { 'docs/a.mdx': 'a\n' });
    const sha = await repository.commit({ message: 'docs(zcp): update A', all: true });
    await repository.push();
    expect(await server().resolveRef(name, 'develop')).toBe(sha);
    expect(await server().resolveRef(name, 'main')).toBe(seeded.commit);
    expect(await git.currentBranch({ fs, dir: repository.dir })).toBe('develop');
  });

  it('creates a missing branch from an existing working copy of another branch', async () => {
    const name = uniqueName('branch-reuse');
    await server().createRepository(name, { files: { 'README.md': 'r\n' } });
    const main = await open(server(), name);
    const tip = await pushFromElsewhere(server(), name, { 'docs/a.mdx': 'a\n' }, 'docs: a');

    const release = await open(server(), name, { dir: main.dir, branch: 'release' });

    expect(release.lastSync).toEqual({ action: 'created_branch', head: tip });
    expect(await server().resolveRef(name, 'release')).toBe(tip);
    expect(await readText(main.dir, 'docs/a.mdx')).toBe('a\n');
  });

  it('starts the branch with a first commit on an empty remote', async () => {
    const name = uniqueName('empty');
    await server().createRepository(name);

    const repository = await open(server(), name, { branch: 'docs' });

    const [initial] = await server().log(name, 'docs');
    expect(repository.lastSync).toEqual({ action: 'initialized', head: initial!.sha });
    expect(initial).toMatchObject({ parents: [], message: 'chore: initialize branch' });
    await writeFiles(repository.dir, { 'docs/a.mdx': 'a\n' });
    await repository.commit({ message: 'docs(zcp): update A', all: true });
    await repository.push();
    expect(await server().readFile(name, 'docs', 'docs/a.mdx')).toBe('a\n');
  });

  it('refuses a folder that holds files but no working copy, and one cloned from another repository', async () => {
    const name = uniqueName('occupied');
    await server().createRepository(name, { files: { 'README.md': 'r\n' } });
    const occupied = await tempDir('occupied');
    await mkdir(join(occupied, 'mine'));
    await expect(open(server(), name, { dir: occupied })).rejects.toMatchObject({ code: 'conflict' });
    expect(fs.readdirSync(occupied)).toEqual(['mine']);

    const other = uniqueName('other');
    await server().createRepository(other, { files: { 'README.md': 'other\n' } });
    const elsewhere = await open(server(), other);
    await expect(open(server(), name, { dir: elsewhere.dir })).rejects.toMatchObject({ code: 'conflict' });
    expect(await readText(elsewhere.dir, 'README.md')).toBe('other\n');
  });

  it('takes the token out of the origin URL of a working copy the original service left behind', async () => {
    const name = uniqueName('legacy');
    const seeded = await server().createRepository(name, { files: { 'README.md': 'r\n' } });
    const legacy = await open(server(), name);
    const leaked = server().repoUrl(name).replace('http://', `http://x-access-token:${TOKEN}@`);
    await git.setConfig({ fs, dir: legacy.dir, path: 'remote.origin.url', value: leaked });

    const repository = await open(server(), name, { dir: legacy.dir });

    expect(repository.lastSync).toEqual({ action: 'up_to_date', head: seeded.commit });
    const config = await readFile(join(legacy.dir, '.git', 'config'), 'utf8');
    expect(config).not.toContain(TOKEN);
    expect(config).toContain(server().repoUrl(name));
  });
});
