import * as fs from 'node:fs';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { git, http, open, readText, tempDir, TOKEN, uniqueName, useGitServer, writeFiles } from './helpers';
import type { GitServer } from './helpers';

/**
 * A remote whose HEAD names a branch that does not exist (a fresh bare repository on a self-hosted server, HEAD
 * → `main`) advertises no HEAD at all. isomorphic-git's fetch (and so its clone) resolves the remote's HEAD
 * after the fetch even when the branch is named, and failed with "Could not find HEAD.".
 */
describe('a remote whose HEAD names a missing branch', () => {
  const server = useGitServer();
  const onAuth = () => ({ username: 'x-access-token', password: TOKEN });

  /** The remote still advertises no HEAD: otherwise these tests would prove nothing. */
  async function expectUnbornHead(gitServer: GitServer, name: string): Promise<void> {
    expect(await gitServer.resolveRef(name, 'HEAD')).toBeUndefined();
    const refs = await git.listServerRefs({ http, url: gitServer.repoUrl(name), onAuth, protocolVersion: 1 });
    expect(refs.map((ref) => ref.ref)).not.toContain('HEAD');
  }

  /** Someone else commits on `branch` from a copy of `dir` and pushes it (no fetch involved). */
  async function pushFromCopy(dir: string, branch: string, files: Record<string, string>) {
    const copy = join(await tempDir('copy'), 'copy');
    await cp(dir, copy, { recursive: true });
    await writeFiles(copy, files);
    for (const path of Object.keys(files)) await git.add({ fs, dir: copy, filepath: path });
    const sha = await git.commit({ fs, dir: copy, message: 'docs: theirs', author: { name: 'Else', email: 'e@x.invalid' } });
    await git.push({ fs, http, dir: copy, remote: 'origin', ref: branch, remoteRef: branch, onAuth });
    return sha;
  }

  it('syncs a second time the branch it initialized on an empty remote (the working copy is kept)', async () => {
    const repo = uniqueName('unborn-reopen');
    await server().createRepository(repo);

    const first = await open(server(), repo, { branch: 'develop' });
    expect(first.lastSync?.action).toBe('initialized');
    await writeFiles(first.dir, { 'docs/a.mdx': 'a\n' });
    const sha = await first.commit({ message: 'docs(zcp): update A', all: true });
    await first.push();
    await expectUnbornHead(server(), repo);

    const second = await open(server(), repo, { dir: first.dir, branch: 'develop' });
    expect(second.lastSync).toEqual({ action: 'up_to_date', head: sha });

    const theirs = await pushFromCopy(first.dir, 'develop', { 'docs/b.mdx': 'b\n' });
    const third = await open(server(), repo, { dir: first.dir, branch: 'develop' });
    expect(third.lastSync).toEqual({ action: 'fast_forwarded', head: theirs });
    expect(await readText(first.dir, 'docs/b.mdx')).toBe('b\n');
    await writeFiles(first.dir, { 'docs/c.mdx': 'c\n' });
    const ours = await third.commit({ message: 'docs(zcp): update C', all: true });
    expect(await third.push()).toEqual({ pushed: true, head: ours, attempts: 1, commits: [ours] });
    expect(await server().resolveRef(repo, 'develop')).toBe(ours);
    await expectUnbornHead(server(), repo);
  });

  it('re-syncs and re-applies after a push another job beat', async () => {
    const repo = uniqueName('unborn-race');
    await server().createRepository(repo);
    const repository = await open(server(), repo, { branch: 'develop' });
    const theirs = await pushFromCopy(repository.dir, 'develop', { 'blog/news.md': 'theirs\n' });
    await writeFiles(repository.dir, { 'docs/ours.mdx': 'ours\n' });
    await repository.commit({ message: 'docs(zcp): update Ours', paths: ['docs'] });

    const result = await repository.push({ reapply: () => writeFiles(repository.dir, { 'docs/ours.mdx': 'ours\n' }) });

    expect(result).toMatchObject({ pushed: true, attempts: 2 });
    const [head] = await server().log(repo, 'develop');
    expect(head).toMatchObject({ sha: result.head, parents: [theirs], message: 'docs(zcp): update Ours' });
    expect(await server().readFile(repo, 'develop', 'blog/news.md')).toBe('theirs\n');
    await expectUnbornHead(server(), repo);
  });

  it('clones the branch into a new folder', async () => {
    const repo = uniqueName('unborn-clone');
    const seeded = await server().createRepository(repo, { files: { 'README.md': 'r\n' }, branch: 'develop' });
    await expectUnbornHead(server(), repo);

    const repository = await open(server(), repo, { branch: 'develop' });

    expect(repository.lastSync).toEqual({ action: 'cloned', head: seeded.commit });
    expect(await readText(repository.dir, 'README.md')).toBe('r\n');
    expect(await git.currentBranch({ fs, dir: repository.dir })).toBe('develop');
    // The HEAD listed for isomorphic-git is not recorded as the remote's.
    expect(await git.listBranches({ fs, dir: repository.dir, remote: 'origin' })).toEqual(['develop']);
    expect(fs.existsSync(join(repository.dir, '.git', 'refs', 'remotes', 'origin', 'HEAD'))).toBe(false);
  });

  it('creates a missing branch from the only branch there is, in a new folder and in a kept one', async () => {
    const repo = uniqueName('unborn-base');
    const seeded = await server().createRepository(repo, { files: { 'README.md': 'r\n' }, branch: 'develop' });

    const fresh = await open(server(), repo, { branch: 'release' });
    expect(fresh.lastSync).toEqual({ action: 'created_branch', head: seeded.commit });

    const kept = await open(server(), repo, { branch: 'develop' });
    const preview = await open(server(), repo, { dir: kept.dir, branch: 'preview' });
    expect(preview.lastSync).toEqual({ action: 'created_branch', head: seeded.commit });
    expect(await server().resolveRef(repo, 'release')).toBe(seeded.commit);
    expect(await server().resolveRef(repo, 'preview')).toBe(seeded.commit);
    await expectUnbornHead(server(), repo);
  });
});
