import * as fs from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git, http, open, pushFromElsewhere, readText, tempDir, TOKEN, uniqueName, useGitServer } from './helpers';

describe('the working copy, at its edges', () => {
  const server = useGitServer();

  it('refuses a folder holding other files when the remote is empty, and deletes none of them', async () => {
    const name = uniqueName('empty-occupied');
    await server().createRepository(name);
    const occupied = await tempDir('empty-occupied');
    await mkdir(join(occupied, 'notes'));
    await writeFile(join(occupied, 'notes', 'todo.txt'), 'keep me\n');
    await writeFile(join(occupied, 'thesis.md'), 'keep me too\n');

    await expect(open(server(), name, { dir: occupied, branch: 'docs' })).rejects.toMatchObject({
      code: 'conflict',
      details: { operation: 'sync' },
    });

    expect(fs.readdirSync(occupied).sort()).toEqual(['notes', 'thesis.md']);
    expect(await readText(occupied, 'notes/todo.txt')).toBe('keep me\n');
    expect(await readText(occupied, 'thesis.md')).toBe('keep me too\n');
    expect(await server().log(name, 'docs')).toEqual([]); // nothing was pushed
  });

  it('fast-forwards a shallow working copy (the default depth) and keeps it shallow', async () => {
    const name = uniqueName('shallow-ff');
    await server().createRepository(name, { files: { 'README.md': 'r\n' } });
    const first = await open(server(), name);
    const theirs = await pushFromElsewhere(server(), name, { 'docs/new.mdx': 'new\n' }, 'docs: new');

    const again = await open(server(), name, { dir: first.dir });

    expect(again.lastSync).toEqual({ action: 'fast_forwarded', head: theirs });
    expect(await readText(first.dir, 'docs/new.mdx')).toBe('new\n');
    expect((await git.log({ fs, dir: first.dir })).map((entry) => entry.oid)).toHaveLength(2);
  });

  it("creates a missing branch from the remote's HEAD branch, not from main", async () => {
    const name = uniqueName('head-branch');
    const seeded = await server().createRepository(name, {
      files: { 'README.md': 'trunk\n' },
      branch: 'trunk',
      defaultBranch: 'trunk',
    });
    // A `main` branch with other content, so picking it instead of HEAD's branch would show.
    const other = await tempDir('head-branch-main');
    await git.init({ fs, dir: other, defaultBranch: 'main' });
    await writeFile(join(other, 'README.md'), 'main\n');
    await git.add({ fs, dir: other, filepath: 'README.md' });
    const author = { name: 'Someone Else', email: 'else@example.invalid' };
    await git.commit({ fs, dir: other, message: 'main', author });
    const onAuth = () => ({ username: 'x-access-token', password: TOKEN });
    await git.push({ fs, http, dir: other, url: server().repoUrl(name), ref: 'main', onAuth });

    const repository = await open(server(), name, { branch: 'develop' });

    expect(repository.lastSync).toEqual({ action: 'created_branch', head: seeded.commit });
    expect(await server().resolveRef(name, 'develop')).toBe(seeded.commit);
    expect(await readText(repository.dir, 'README.md')).toBe('trunk\n');
  });
});
