import { rm } from 'node:fs/promises';
import { cloneBranch } from './clone-branch';
import { startGitServer } from './server';
import type { GitServer } from './index';

const TOKEN = 'ghp_clone_branch_spec';
let server: GitServer;

beforeAll(async () => {
  server = await startGitServer({ tokens: [TOKEN] });
});

afterAll(() => server.stop());

describe('cloneBranch', () => {
  it("clones one branch with the token and lists its files and log, newest first", async () => {
    const first = await server.createRepository('team/site', { files: { 'README.md': '# site\n', 'docs/a/b.mdx': 'b\n', 'docs/a.mdx': 'a\n' }, branch: 'main' });
    const clone = await cloneBranch({ url: first.url, branch: 'main', token: TOKEN, prefix: 'clone-branch-spec-' });
    try {
      expect(clone.head).toBe(first.commit);
      expect(clone.files).toEqual(['README.md', 'docs/a.mdx', 'docs/a/b.mdx']);
      expect(clone.log.map((entry) => entry.sha)).toEqual([first.commit]);
      expect(clone.dir).toContain('clone-branch-spec-');
    } finally {
      await rm(clone.dir, { recursive: true, force: true });
    }
  });

  it('refuses a wrong token like the server does', async () => {
    const created = await server.createRepository('team/locked', { files: { 'x.md': 'x\n' }, branch: 'main' });
    await expect(cloneBranch({ url: created.url, branch: 'main', token: 'wrong' })).rejects.toThrow();
  });
});
