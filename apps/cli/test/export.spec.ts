import { DEMO_IDS } from '@zmp-manual/notion-emulator';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_NOTION_TOKEN } from '../src/demo/demo-environment';
import { cli, useEmulators } from './support/emulators';

describe('zmp-manual export (Notion emulator, real client)', () => {
  const emulators = useEmulators();

  it('writes the demo manual into a site folder and prints progress lines and the summary', async () => {
    const site = await emulators.tempDir('site');
    const data = await emulators.tempDir('data');
    const run = await cli(['export', '--solution', 'zcp', '--site', site, '--data-dir', data], { env: emulators.env() });

    expect(run.code).toBe(0);
    const index = await readFile(join(site, 'docs/zcp/index.mdx'), 'utf8');
    expect(index.startsWith(`---\nid: zcp\ntitle: ZCP\nsidebar_position: 0\nnotion_page_id: ${DEMO_IDS.root}\n`)).toBe(true);
    expect(index).toContain('[Getting Started](./getting-started/index.mdx)');
    expect(JSON.parse(await readFile(join(site, 'docs/zcp/getting-started/_category_.json'), 'utf8'))).toMatchObject({ label: 'Getting Started' });
    expect((await stat(join(site, 'docs/zcp/getting-started/installation/install-on-kubernetes.mdx'))).isFile()).toBe(true);
    // Not a terminal: timestamped lines on stderr, the table on stdout.
    expect(run.err).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z exporting: started {2}Exporting content from Notion\.\.\.$/m);
    expect(run.err).toMatch(/^\S+Z exporting: done in \S+ \S+ {2}pages 34 · assets 5$/m);
    // The export's progress: several lines that only go up, without counters the pipeline has not counted yet.
    const percents = [...run.err.matchAll(/^\S+Z exporting: (\d+)% /gm)].map((match) => Number(match[1]));
    expect(percents.length).toBeGreaterThanOrEqual(3);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.every((percent) => percent <= 100)).toBe(true);
    expect(run.err).not.toMatch(/exporting: \d+% {2}pages 0 /);
    expect(run.err).not.toContain('\u001b[');
    expect(run.out).toMatch(/^Summary\n {2}pages +34\n {2}assets +5\n/);
    expect(run.out).toContain('  files       50 created, 0 changed, 0 removed\n');
    expect(run.out).toContain(`Site: ${site}\n`);
  });

  it('prints one JSON object with --json, and a second export changes nothing', async () => {
    const site = await emulators.tempDir('site');
    const data = await emulators.tempDir('data');
    const args = ['export', '--solution', 'zcp', '--site', site, '--data-dir', data, '--json'];
    // export translates nothing: a translation provider without its key does not stop it.
    const first = await cli(args, { env: emulators.env({ TRANSLATION_PROVIDER: 'openai', OPENAI_API_KEY: undefined }) });
    expect(first.code).toBe(0);
    expect(first.err).toBe('');
    const result = JSON.parse(first.out);
    expect(result).toMatchObject({ ok: true, command: 'export', solution: 'zcp', site, counters: { pages: 34, assets: 5, segments: 0, tokens: 0, cache_hits: 0 } });
    expect(result.paths.created).toContain('docs/zcp/index.mdx');

    const second = JSON.parse((await cli(args, { env: emulators.env() })).out);
    expect(second.files).toEqual({ created: 0, changed: 0, removed: 0 });
  });

  it('writes only the asked page (with its ancestors) into an empty site', async () => {
    const site = await emulators.tempDir('site');
    const run = await cli(['export', '--solution', 'zcp', '--page', DEMO_IDS.installation.replace(/-/g, ''), '--site', site, '--data-dir', await emulators.tempDir('data'), '--json'], { env: emulators.env() });
    expect(run.code).toBe(0);
    const created: string[] = JSON.parse(run.out).paths.created;
    expect(created).toContain('docs/zcp/getting-started/installation/index.mdx');
    expect(created).not.toContain('docs/zcp/getting-started/installation/install-on-kubernetes.mdx');
    expect(created).not.toContain('docs/zcp/user-guide/index.mdx');
  });

  it('exits 4 for a malformed page id and for one that is not in the solution', async () => {
    const site = await emulators.tempDir('site');
    const malformed = await cli(['export', '--solution', 'zcp', '--page', 'not-a-page', '--site', site], { env: emulators.env() });
    expect(malformed.code).toBe(4);
    expect(malformed.err).toMatch(/^zmp-manual export: invalid_page_id: "not-a-page" is not a Notion page id/m);

    const unknown = await cli(['export', '--solution', 'zcp', '--page', '0123456789abcdef0123456789abcdef', '--site', site, '--data-dir', await emulators.tempDir('data')], { env: emulators.env() });
    expect(unknown.code).toBe(4);
    expect(unknown.err).toMatch(/^zmp-manual export: invalid_page_id: /m);
  });

  it('exits 3 naming the variable when NOTION_TOKEN is missing, and 10 when Notion refuses the token (never printed)', async () => {
    const site = await emulators.tempDir('site');
    const missing = await cli(['export', '--solution', 'zcp', '--site', site], { env: emulators.env({ NOTION_TOKEN: undefined }) });
    expect(missing).toEqual({ code: 3, out: '', err: 'zmp-manual export: configuration_error: NOTION_TOKEN is required\n' });

    const wrongToken = 'secret_wrong_token_123';
    const refused = await cli(['export', '--solution', 'zcp', '--site', site, '--data-dir', await emulators.tempDir('data'), '--debug', '--verbose'], { env: emulators.env({ NOTION_TOKEN: wrongToken }) });
    expect(refused.code).toBe(10);
    expect(refused.err).toMatch(/^zmp-manual export: export_failed: .*\(step exporting, code \w+\)$/m);
    expect(refused.err + refused.out).not.toContain(wrongToken);
    expect(refused.err + refused.out).not.toContain(DEMO_NOTION_TOKEN);
  });
});
