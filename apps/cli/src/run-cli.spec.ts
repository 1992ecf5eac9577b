import { version } from '../package.json';
import { memoryIo } from '../test/support/memory-io';
import { runCli } from './run-cli';

async function run(args: string[], env: Record<string, string> = {}) {
  const io = memoryIo({ env });
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('zmp-manual argument parsing', () => {
  it('prints its package version', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });

  it('lists the commands and the exit codes in the top-level help', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    for (const command of ['export', 'translate', 'publish', 'demo']) expect(out).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(out).toContain('130  cancelled by Ctrl-C');
  });

  const commands: Record<string, { options: string[]; env: string[] }> = {
    export: { options: ['--solution <id>', '--page <id>', '--directory', '--site <dir>', '--layout <layout>', '--data-dir <dir>'], env: ['NOTION_TOKEN', 'NOTION_BASE_URL', '<SOL>_ROOT_PAGE_ID', 'SITE_LAYOUT', 'ZMP_MANUAL_DATA_DIR'] },
    translate: { options: ['--solution <id>', '--site <dir>', '--languages <codes>', '--provider <name>', '--page <id>', '--data-dir <dir>'], env: ['TRANSLATION_PROVIDER', 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'MAX_CHUNK_SIZE', 'MAX_CONCURRENT_REQUESTS'] },
    publish: { options: ['--solution <id>', '--page <id>', '--directory', '--languages <codes>', '--provider <name>', '--data-dir <dir>'], env: ['NOTION_TOKEN', 'GITHUB_REPO_URL', 'GITHUB_BRANCH', 'GITHUB_TOKEN', 'TARGET_LANGUAGES', 'OPENAI_API_KEY', 'ZMP_MANUAL_DATA_DIR'] },
    demo: { options: ['--languages <codes>', '--provider <name>', '--keep'], env: [] },
  };

  it.each(Object.keys(commands))('%s --help lists its options, the variables it reads, the exit codes and an example', async (name) => {
    const { code, out, err } = await run([name, '--help']);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toContain(`Usage: zmp-manual ${name} [options]`);
    for (const option of [...commands[name].options, '--json', '--quiet', '--no-progress', '--verbose', '--debug']) expect(out).toContain(option);
    for (const variable of commands[name].env) expect(out).toMatch(new RegExp(`^  ${variable.replace(/[<>]/g, '\\$&')} +\\S`, 'm'));
    // The CLI replaces SOLUTIONS with --solution: the help does not list it as read.
    expect(out).not.toMatch(/^ {2}SOLUTIONS /m);
    expect(out).toContain('Exit codes:');
    expect(out).toMatch(/^ +11 +translation_failed$/m);
    expect(out).toContain(`$ zmp-manual ${name}`);
  });

  it.each([
    [['--frobnicate'], /unknown option '--frobnicate'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['export', '--site', '/tmp'], /required option '--solution <id>' not specified/],
    [['export', '--solution', 'zcp', '--site', '/tmp', '--layout', 'sideways'], /argument 'sideways' is invalid.*single, per-solution/],
    [['publish', '--solution', 'zcp', 'stray'], /too many arguments/],
    [['translate', '--solution', 'zcp', '--site', '/tmp'], /required option '--languages <codes>' not specified/],
    [['publish', '--solution', 'zcp', '--provider', 'deepl'], /argument 'deepl' is invalid/],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const { code, out, err } = await run(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('exits 2 on a bad flag value found after parsing, before reading any setting', async () => {
    // No NOTION_TOKEN at all: a usage error is reported first, as usage_error with code 2.
    const bad = await run(['publish', '--solution', 'zcp', '--languages', 'KO']);
    expect(bad).toEqual({ code: 2, out: '', err: 'zmp-manual publish: usage_error: --languages: write "KO" as "ko"\n' });
    const solution = await run(['export', '--solution', 'Z C P', '--site', '/tmp']);
    expect(solution.code).toBe(2);
    expect(solution.err).toContain('--solution: "Z C P" is not a solution id');
    const site = await run(['export', '--solution', 'zcp', '--site', '/nonexistent/site']);
    expect(site.code).toBe(2);
    expect(site.err).toContain('--site: /nonexistent/site does not exist');
  });

  it('prints the failure as one JSON object on stdout with --json', async () => {
    const { code, out } = await run(['publish', '--solution', 'zcp', '--languages', 'KO', '--json']);
    expect(code).toBe(2);
    expect(JSON.parse(out)).toEqual({
      ok: false,
      command: 'publish',
      exit_code: 2,
      error: { reason: 'usage_error', message: '--languages: write "KO" as "ko"', step: null, code: null },
    });
  });
});
