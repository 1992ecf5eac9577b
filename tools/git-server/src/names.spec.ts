import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { GitServerError } from './git-server-error';
import { branchName, repositoryName, revision, treePath } from './names';
import { RepositoryStore } from './repositories';

describe('repositoryName', () => {
  it.each([
    ['manual', 'manual'],
    ['manual.git', 'manual'],
    ['team/manual.git', 'team/manual'],
    ['a_b-c.d/e', 'a_b-c.d/e'],
  ])('accepts %s as %s', (name, canonical) => {
    expect(repositoryName(name)).toBe(canonical);
  });

  it.each([
    '',
    '.git',
    '../x.git',
    '../../etc/passwd',
    'a/../b',
    './x',
    '/abs/x.git',
    '/etc/passwd',
    'a//b',
    'a/',
    '.hidden',
    '-upload-pack=x',
    'a.git/b',
    'x.git.git',
    '%2e%2e/x',
    'a b',
    'a\\b',
    'a\nb',
    'x'.repeat(201),
  ])('refuses %j', (name) => {
    expect(() => repositoryName(name)).toThrow(GitServerError);
  });
});

describe('treePath', () => {
  it.each(['a.md', 'docs/intro.md', '.github/workflows/ci.yml', 'a..b'])('accepts %s', (path) => {
    expect(treePath(path)).toBe(path);
  });
  it.each(['', '/abs', 'a//b', 'a/', '../x', 'a/../b', './a', '.git/config', 'a/.GIT/x', 'a\tb', 'a\nb'])(
    'refuses %j',
    (path) => {
      expect(() => treePath(path)).toThrow(expect.objectContaining({ code: 'invalid_path' }));
    },
  );
});

describe('revision and branchName', () => {
  it.each(['main', 'refs/heads/main', 'HEAD~1', 'main^{commit}', 'a'.repeat(40)])('accepts revision %s', (ref) => {
    expect(revision(ref)).toBe(ref);
  });
  it.each(['', '-n', '--output=x', 'main:secret', 'a..b', 'main b', 'a\nb'])('refuses revision %j', (ref) => {
    expect(() => revision(ref)).toThrow(expect.objectContaining({ code: 'invalid_ref' }));
  });
  it.each(['main', 'feature/x', 'v1.0'])('accepts branch %s', (branch) => {
    expect(branchName(branch)).toBe(branch);
  });
  it.each(['', '-x', 'a..b', 'a//b', 'a/', 'a.', 'a.lock', 'a b', 'a:b'])('refuses branch %j', (branch) => {
    expect(() => branchName(branch)).toThrow(expect.objectContaining({ code: 'invalid_ref' }));
  });
});

describe('RepositoryStore.path', () => {
  let root: string;
  let store: RepositoryStore;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'git-server-names-'));
    store = new RepositoryStore({ root, defaultBranch: 'main', git: () => Promise.reject(new Error('no git here')) });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('maps a name into the root', () => {
    expect(store.path('team/manual')).toBe(join(root, 'team', 'manual.git'));
    expect(store.path('team/manual').startsWith(root + sep)).toBe(true);
  });

  it.each(['../x', '../x.git', '/etc/x', 'a/../../x'])('refuses %s', (name) => {
    expect(() => store.path(name)).toThrow(expect.objectContaining({ code: 'invalid_name' }));
  });

  it('rejects an invalid name from every helper', async () => {
    await expect(store.exists('../x')).rejects.toMatchObject({ code: 'invalid_name' });
    await expect(store.ensure('../x')).rejects.toMatchObject({ code: 'invalid_name' });
    await expect(store.create('../x')).rejects.toMatchObject({ code: 'invalid_name' });
  });
});
