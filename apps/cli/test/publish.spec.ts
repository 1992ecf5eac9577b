import { DEMO_IDS } from '@zmp-manual/notion-emulator';
import { DEMO_GIT_TOKEN } from '../src/demo/demo-environment';
import { runCli } from '../src/run-cli';
import { memoryIo } from './support/memory-io';
import { cli, useEmulators } from './support/emulators';

const I18N = 'docusaurus-plugin-content-docs/current';

describe('zmp-manual publish (Notion and OpenAI emulators, git server; no Redis)', () => {
  const emulators = useEmulators();
  const git = () => emulators.environment().git;

  describe('into an empty repository, then again', () => {
    let data: string;
    let first: { code: number; out: string; err: string };

    beforeAll(async () => {
      data = await emulators.tempDir('data');
      first = await cli(['publish', '--solution', 'zcp', '--languages', 'ko,ja', '--data-dir', data, '--json'], { env: emulators.env() });
    });

    it('pushes the export commit and the translation commit', async () => {
      expect(first.err).toBe('');
      expect(first.code).toBe(0);
      const result = JSON.parse(first.out);
      const log = await git().log('zcp-docs', 'main');
      expect(log.map((commit) => commit.message.split('\n')[0])).toEqual([
        expect.stringMatching(/^i18n\(zcp\): translate 34 pages into ko, ja /),
        expect.stringMatching(/^docs\(zcp\): update 34 pages /),
        'chore: initialize branch',
      ]);
      expect(result).toMatchObject({
        ok: true,
        command: 'publish',
        pushed: true,
        head: log[0].sha,
        commits: { export: log[1].sha, translation: log[0].sha },
        languages: ['ko', 'ja'],
        remote: emulators.environment().remoteUrl,
        branch: 'main',
        counters: { pages: 34, assets: 5 },
      });
      expect(result.counters.tokens).toBeGreaterThan(1000);
    });

    it('the remote holds the manual and its translations', async () => {
      const index = await git().readFile('zcp-docs', 'main', 'docs/zcp/index.mdx');
      expect(index?.startsWith(`---\nid: zcp\ntitle: ZCP\nsidebar_position: 0\nnotion_page_id: ${DEMO_IDS.root}\n`)).toBe(true);
      expect(await git().readFile('zcp-docs', 'main', `i18n/ko/${I18N}/zcp/index.mdx`)).toContain('title: ⟪ko:ZCP⟫\n');
      expect(await git().readFile('zcp-docs', 'main', `i18n/ja/${I18N}/zcp/getting-started/overview.mdx`)).toContain('⟪ja:');
    });

    it('a second identical publish pushes nothing, makes no commit and uses no LLM tokens', async () => {
      const before = await git().log('zcp-docs', 'main');
      const again = await cli(['publish', '--solution', 'zcp', '--languages', 'ko,ja', '--data-dir', data], { env: emulators.env() });
      expect(again.code).toBe(0);
      expect(await git().log('zcp-docs', 'main')).toEqual(before);
      expect(again.out).toContain('  export commit       (no changes)\n  translation commit  (no changes)\n  pushed              no (nothing new to push)\n');
      expect(again.out).toMatch(/^ {2}tokens +0$/m);
      expect(again.out).toContain(`Remote: ${emulators.environment().remoteUrl} (branch main) at ${before[0].sha}\n`);
      expect(again.err).toMatch(/^\S+Z pulling: started/m);
      expect(again.err).toMatch(/^\S+Z pushing: done in /m);
    });
  });

  it('exits 12 (repository_access_failed) with a wrong git token, which appears nowhere', async () => {
    const wrong = 'ghp_wrong_token_for_the_test';
    const run = await cli(['publish', '--solution', 'zcp', '--languages', '', '--data-dir', await emulators.tempDir('data'), '--debug', '--verbose'], {
      env: emulators.env({ GITHUB_TOKEN: wrong, GITHUB_REPO_URL: git().repoUrl('wrong-token') }),
    });
    expect(run.code).toBe(12);
    expect(run.err).toMatch(/^zmp-manual publish: repository_access_failed: .+\(step cloning, code auth_failed\)$/m);
    expect(run.err + run.out).not.toContain(wrong);
    expect(run.err + run.out).not.toContain(DEMO_GIT_TOKEN);
  });

  it('exits 3 naming the variable when the repository is not configured', async () => {
    const run = await cli(['publish', '--solution', 'zcp'], { env: emulators.env({ GITHUB_REPO_URL: undefined }) });
    expect(run).toMatchObject({ code: 3, out: '' });
    expect(run.err).toBe('zmp-manual publish: configuration_error: Solution zcp has no repository: set GITHUB_REPO_URL or ZCP_REPO_URL\n');
  });

  it('exits 4 for a page that is not in the solution', async () => {
    const run = await cli(['publish', '--solution', 'zcp', '--page', 'ffffffffffffffffffffffffffffffff', '--data-dir', await emulators.tempDir('data')], {
      env: emulators.env({ GITHUB_REPO_URL: git().repoUrl('bad-page') }),
    });
    expect(run.code).toBe(4);
    expect(run.err).toMatch(/^zmp-manual publish: invalid_page_id: /m);
    expect((await git().log('bad-page', 'main')).map((commit) => commit.message.trim())).not.toContainEqual(expect.stringMatching(/^docs/));
  });

  it('Ctrl-C during the export cancels the job (exit 130) and pushes nothing; a second Ctrl-C exits at once', async () => {
    const io = memoryIo({ env: emulators.env({ GITHUB_REPO_URL: git().repoUrl('cancelled') }) });
    const write = io.stderr.write.bind(io.stderr);
    io.stderr.write = (text) => {
      write(text);
      if (/exporting: started/.test(text)) {
        io.interrupt(); // aborts the pipeline's signal
        io.interrupt(); // asks for an immediate exit (recorded by the test's exitNow)
      }
    };
    const code = await runCli(['publish', '--solution', 'zcp', '--languages', 'ko', '--data-dir', await emulators.tempDir('data')], io);

    expect(code).toBe(130);
    expect(io.err()).toContain('Cancelling: waiting for the current step to stop (press Ctrl-C again to exit at once)');
    expect(io.err()).toMatch(/^\S+Z exporting: cancelled in /m);
    expect(io.err()).toMatch(/^zmp-manual publish: cancelled: /m);
    expect((await git().log('cancelled', 'main')).map((commit) => commit.message.trim())).toEqual(['chore: initialize branch']);
    expect(io.exits).toEqual([130]);
    // Once the command ended it listens no more.
    io.interrupt();
    expect(io.exits).toEqual([130]);
  });
});
