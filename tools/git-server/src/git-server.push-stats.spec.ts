import * as fs from 'node:fs';
import { startGitServer } from './server';
import { commitFiles, git, http, initRepo, rejection, removeTempDirs, tempDir, tokenAuth, wrappedGit } from '../test/helpers';
import type { GitServer } from './types';

const TOKEN = 'tok_push_stats_spec_3c1d';
const onAuth = tokenAuth(TOKEN);

afterAll(removeTempDirs);

describe('push stats', () => {
  let server: GitServer;
  beforeAll(async () => {
    server = await startGitServer({ tokens: [TOKEN] });
  });
  afterAll(() => server?.stop());

  it('are recorded before the client has its answer, even when git closes stdout long before it exits', async () => {
    // The backend closes its output, then lingers: the answer must still wait for the exit and the stats.
    const lingering = await startGitServer({
      tokens: [TOKEN],
      gitBinary: await wrappedGit('git http-backend; s=$?; exec >&-; [ "$REQUEST_METHOD" = POST ] && sleep 1; exit $s'),
    });
    try {
      const local = await initRepo();
      const sha = await commitFiles(local, { 'a.md': 'one\n' });
      const rejected = await initRepo();
      await commitFiles(rejected, { 'a.md': 'other\n' }, 'other', 1_700_000_900);
      const url = lingering.repoUrl('slow');

      await git.push({ fs, http, dir: local, url, ref: 'main', onAuth });
      expect(lingering.stats()).toMatchObject({
        pushesAccepted: 1,
        pushesRejected: 0,
        pushes: [{ repository: 'slow', updates: [{ ref: 'refs/heads/main', after: sha }] }],
      });

      const refused = git.push({ fs, http, dir: rejected, url, ref: 'main', force: true, onAuth });
      expect((await rejection(refused)).code).toBe('GitPushError');
      expect(lingering.stats()).toMatchObject({ pushesAccepted: 1, pushesRejected: 1 });
    } finally {
      await lingering.stop();
    }
  });

  it('count each of many concurrent pushes to one repository exactly as its client saw it', async () => {
    const base = await initRepo();
    await commitFiles(base, { 'base.md': 'base\n' });
    const url = server.repoUrl('crowd');
    await git.push({ fs, http, dir: base, url, ref: 'main', onAuth });
    const before = server.stats();

    const clients = await Promise.all(
      Array.from({ length: 6 }, async (_, index) => {
        const dir = await tempDir(`crowd-${index}`);
        await git.clone({ fs, http, dir, url, onAuth });
        const sha = await commitFiles(dir, { [`file-${index}.md`]: `${index}\n` }, `client ${index}`, 1_700_001_000 + index);
        await git.branch({ fs, dir, ref: `topic-${index}` });
        return { dir, sha };
      }),
    );
    // Every client pushes main (one wins, the others are not fast-forwards) and its own branch (always accepted).
    const attempts = clients.flatMap(({ dir, sha }, index) =>
      ['main', `topic-${index}`].map((ref) => ({ ref: `refs/heads/${ref}`, sha, push: git.push({ fs, http, dir, url, ref, onAuth }) })),
    );
    const outcomes = await Promise.all(
      attempts.map(({ ref, sha, push }) =>
        push.then(
          (result) => ({ ref, sha, ok: result.ok }),
          () => ({ ref, sha, ok: false }),
        ),
      ),
    );

    const accepted = outcomes.filter((outcome) => outcome.ok);
    expect(accepted.length).toBe(7);
    const after = server.stats();
    expect(after.pushesAccepted - before.pushesAccepted).toBe(accepted.length);
    expect(after.pushesRejected - before.pushesRejected).toBe(outcomes.length - accepted.length);
    const recorded = after.pushes.slice(before.pushes.length).map((push) => push.updates.map((u) => `${u.ref} ${u.after}`));
    expect(recorded.flat().sort()).toEqual(accepted.map(({ ref, sha }) => `${ref} ${sha}`).sort());
    expect(recorded.every((updates) => updates.length === 1)).toBe(true);
    expect(await server.resolveRef('crowd', 'main')).toBe(accepted.find(({ ref }) => ref === 'refs/heads/main')?.sha);
  });

  it('counts a push that changes nothing as accepted, with no update', async () => {
    const local = await initRepo();
    await commitFiles(local, { 'a.md': 'same\n' });
    const url = server.repoUrl('noop');
    await git.push({ fs, http, dir: local, url, ref: 'main', onAuth });
    const before = server.stats();

    const result = await git.push({ fs, http, dir: local, url, ref: 'main', onAuth });

    expect(result.ok).toBe(true);
    const after = server.stats();
    expect(after.pushesAccepted).toBe(before.pushesAccepted + 1);
    expect(after.pushesRejected).toBe(before.pushesRejected);
    expect(after.pushes[after.pushes.length - 1]).toEqual({ repository: 'noop', user: 'x-access-token', updates: [] });
  });

  it('records a deleted branch', async () => {
    const local = await initRepo();
    const sha = await commitFiles(local, { 'a.md': 'x\n' });
    await git.branch({ fs, dir: local, ref: 'doomed' });
    const url = server.repoUrl('deleting');
    await git.push({ fs, http, dir: local, url, ref: 'main', onAuth });
    await git.push({ fs, http, dir: local, url, ref: 'doomed', onAuth });

    await git.push({ fs, http, dir: local, url, ref: 'doomed', delete: true, onAuth });

    const pushes = server.stats().pushes;
    expect(pushes[pushes.length - 1]?.updates).toEqual([{ ref: 'refs/heads/doomed', before: sha, after: undefined }]);
    expect(await server.resolveRef('deleting', 'doomed')).toBeUndefined();
  });
});
