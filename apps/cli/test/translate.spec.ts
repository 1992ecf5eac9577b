import { pseudoLocalize } from '@zmp-manual/mdx-translator';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_OPENAI_KEY } from '../src/demo/demo-environment';
import { cli, useEmulators } from './support/emulators';

const I18N = 'docusaurus-plugin-content-docs/current';

describe('zmp-manual translate (site folder written by export)', () => {
  const emulators = useEmulators();
  let site: string;

  beforeAll(async () => {
    site = await emulators.tempDir('site');
    const exported = await cli(['export', '--solution', 'zcp', '--site', site, '--data-dir', await emulators.tempDir('data'), '--quiet'], { env: emulators.env() });
    expect(exported).toEqual({ code: 0, out: '', err: '' });
  });

  it('--provider pseudo writes pseudo-localised i18n files, with no Notion settings at all', async () => {
    const env = { TARGET_LANGUAGES: 'fr' }; // no NOTION_TOKEN, no ZCP_ROOT_PAGE_ID: translate reads no Notion page
    const run = await cli(['translate', '--solution', 'zcp', '--site', site, '--languages', 'ko,ja', '--provider', 'pseudo', '--data-dir', await emulators.tempDir('data'), '--json'], { env });
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out);
    expect(result).toMatchObject({ ok: true, command: 'translate', languages: ['ko', 'ja'], counters: { tokens: 0 } });
    expect(result.counters.segments).toBeGreaterThan(100);
    expect(result.paths.created).toEqual(expect.arrayContaining([`i18n/ko/${I18N}/zcp/index.mdx`, `i18n/ja/${I18N}/zcp/getting-started/overview.mdx`]));
    expect(result.paths.created.some((path: string) => path.startsWith('i18n/fr/'))).toBe(false);

    const ko = await readFile(join(site, `i18n/ko/${I18N}/zcp/index.mdx`), 'utf8');
    expect(ko).toContain(`title: ${pseudoLocalize('ZCP', 'ko')}\n`);
    expect(ko).toContain('id: zcp\n'); // ids are never translated
    expect(ko).toContain(`[${pseudoLocalize('Getting Started', 'ko')}](./getting-started/index.mdx)`);
  });

  it('translates through the OpenAI emulator, and a second run takes every segment from the memory', async () => {
    const data = await emulators.tempDir('data');
    const args = ['translate', '--solution', 'zcp', '--site', site, '--languages', 'ko', '--provider', 'openai', '--data-dir', data, '--json'];
    const first = await cli(args, { env: emulators.env() });
    expect(first.code).toBe(0);
    const firstResult = JSON.parse(first.out);
    expect(firstResult.counters.tokens).toBeGreaterThan(1000);
    expect(await readFile(join(site, `i18n/ko/${I18N}/zcp/index.mdx`), 'utf8')).toContain('title: ⟪ko:ZCP⟫\n');

    const second = JSON.parse((await cli(args, { env: emulators.env() })).out);
    expect(second.counters).toMatchObject({ tokens: 0, cache_hits: firstResult.counters.segments });
    expect(second.files).toEqual({ created: 0, changed: 0, removed: 0 });
  });

  it('exits 11 (translation_failed) when the provider fails for good, with the key nowhere in the output', async () => {
    emulators.environment().openai.setFaults({ insufficientQuota: { count: 1000 } });
    try {
      const run = await cli(['translate', '--solution', 'zcp', '--site', site, '--languages', 'de', '--data-dir', await emulators.tempDir('data'), '--debug'], { env: emulators.env() });
      expect(run.code).toBe(11);
      expect(run.err).toMatch(/^zmp-manual translate: translation_failed: .+\(step translating, code \w+\)$/m);
      expect(run.err + run.out).not.toContain(DEMO_OPENAI_KEY);
    } finally {
      emulators.environment().openai.setFaults({});
    }
  });

  it('exits 11 for a site that holds no pages of the solution, and 3 for openai without a key', async () => {
    const empty = await emulators.tempDir('empty-site');
    const run = await cli(['translate', '--solution', 'zcp', '--site', empty, '--languages', 'ko', '--provider', 'pseudo'], { env: {} });
    expect(run.code).toBe(11);
    expect(run.err).toContain('export them first');

    const noKey = await cli(['translate', '--solution', 'zcp', '--site', site, '--languages', 'ko', '--provider', 'openai'], { env: {} });
    expect(noKey).toEqual({ code: 3, out: '', err: 'zmp-manual translate: configuration_error: OPENAI_API_KEY is required when TRANSLATION_PROVIDER is openai\n' });
  });
});
