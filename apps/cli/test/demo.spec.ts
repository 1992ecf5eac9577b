import { runCli } from '../src/run-cli';
import { memoryIo } from './support/memory-io';
import { cli } from './support/emulators';

const I18N = 'docusaurus-plugin-content-docs/current';

describe('zmp-manual demo (everything in this process)', () => {
  it('publishes the demo manual into ko and ja and shows the summary, the remote, the commits and pushed files', async () => {
    const run = await cli(['demo'], { env: {} });
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Summary\n {2}pages +34\n {2}assets +5\n/);
    expect(run.out).toContain('  languages           ko, ja\n');
    expect(run.out).toContain('  pushed              yes\n');
    const remote = /^Remote: (http:\/\/127\.0\.0\.1:\d+\/zcp-docs\.git) \(branch main\) at ([0-9a-f]{40})$/m.exec(run.out);
    expect(remote).not.toBeNull();
    const exportSha = /^ {2}export commit +([0-9a-f]{40})$/m.exec(run.out)?.[1];
    const translationSha = /^ {2}translation commit +([0-9a-f]{40})$/m.exec(run.out)?.[1];
    expect(translationSha).toBe(remote?.[2]);
    expect(run.out).toContain(
      [
        'Commits on the remote (newest first):',
        `  ${translationSha?.slice(0, 7)}  i18n(zcp): translate 34 pages into ko, ja (ZCP, Getting Started, …)`,
        `  ${exportSha?.slice(0, 7)}  docs(zcp): update 34 pages`,
      ].join('\n'),
    );
    expect(run.out).toMatch(/^Some of the 120 files pushed:\n {2}docs\/zcp\/index\.mdx\n {2}docs\/zcp\/[\w-]+\/[\w-]+\/[\w-]+\.mdx\n {2}static\/img\/zcp\/[0-9a-f]+\.\w+\n/m);
    expect(run.out).toContain(`  i18n/ko/${I18N}/zcp/index.mdx\n`);
    expect(run.out).toContain(`  i18n/ja/${I18N}/zcp/index.mdx\n`);
    // Progress went to stderr (not a terminal here: lines), each step of the job in order.
    const steps = [...run.err.matchAll(/^\S+Z (\w+): started/gm)].map((match) => match[1]);
    expect(steps).toEqual(['checking_repo', 'cloning', 'exporting', 'export_commit', 'translating', 'translation_commit', 'pushing']);
    // Stopped: nothing listens on the remote any more.
    await expect(fetch(`${remote?.[1]}/info/refs?service=git-upload-pack`)).rejects.toThrow();
  });

  it('--keep waits for Ctrl-C before stopping the servers; --json prints one object', async () => {
    const io = memoryIo();
    const write = io.stdout.write.bind(io.stdout);
    let url = '';
    let reachable = false;
    io.stdout.write = (text) => {
      write(text);
      const match = /"remote":"([^"]+)"/.exec(text);
      if (!match) return;
      url = match[1];
      // The result is out; the servers must still answer until Ctrl-C.
      void fetch(`${url}/info/refs?service=git-upload-pack`).then((response) => {
        reachable = response.status === 401;
        io.interrupt();
      });
    };
    const code = await runCli(['demo', '--keep', '--json', '--provider', 'pseudo', '--languages', 'ko'], io);
    expect(code).toBe(0);
    expect(reachable).toBe(true);
    const result = JSON.parse(io.out());
    expect(result).toMatchObject({ ok: true, command: 'demo', pushed: true, languages: ['ko'], counters: { pages: 34, tokens: 0 } });
    expect(result.commits_on_remote).toHaveLength(3);
    expect(result.sample_files).toContain('docs/zcp/index.mdx');
    await expect(fetch(`${url}/info/refs?service=git-upload-pack`)).rejects.toThrow();
  });
});
