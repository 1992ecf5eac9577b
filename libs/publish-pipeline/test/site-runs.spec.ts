import { readFile } from 'node:fs/promises';
import { Client } from '@notionhq/client';
import { join } from 'node:path';
import { pseudoLocalize } from '@zmp-manual/mdx-translator';
import { DEMO_IDS } from '@zmp-manual/notion-emulator';
import { PipelineError, runExport, runTranslate } from '../src';
import type { RunExportOptions } from '../src';
import { listFiles, pseudo, RecordingReporter, removeTempDirs, startNotion, tempDir } from './support/harness';
import type { Notion } from './support/harness';
import { editFirstParagraph } from './support/notion-edits';

// The CLI's export and translate: the same steps into a site folder, without git.
const KO = 'i18n/ko/docusaurus-plugin-content-docs-zcp/current';
const OVERVIEW = 'c3b49c81-60a1-4e4f-b163-3eb0cc6d1867';

describe('runExport and runTranslate into a site folder', () => {
  let notion: Notion;
  let site: string;
  let stateDir: string;
  const exportOptions = (overrides: Partial<RunExportOptions> = {}): RunExportOptions => ({
    siteDir: site,
    solution: { id: 'zcp', rootPageId: notion.emulator.workspace.rootPageId, layout: 'per-solution' },
    notion: notion.client,
    notionRateLimit: false,
    stateDir,
    reporter: new RecordingReporter(),
    ...overrides,
  });

  beforeAll(async () => {
    notion = await startNotion();
    site = await tempDir('site');
    stateDir = await tempDir('state');
  });
  afterAll(async () => {
    await notion.emulator.stop();
    await removeTempDirs();
  });

  it('exports the whole solution, then nothing changes on an incremental re-run', async () => {
    const reporter = new RecordingReporter();
    const first = await runExport(exportOptions({ reporter }));
    expect(first.counters.pages).toBe(34);
    expect(first.exportFiles).toBe(44);
    expect(reporter.messages.at(-1)).toBe('Exported 44 files successfully');
    expect(reporter.updates.at(-1)).toMatchObject({ status: 'exporting', export_progress: 100, total_progress: 50, export_files: 44 });
    expect((await listFiles(site)).filter((path) => path.startsWith('docs/zcp/'))).toHaveLength(44);

    notion.emulator.resetStats();
    const again = new RecordingReporter();
    const second = await runExport(exportOptions({ reporter: again }));
    expect(second.files).toEqual({ created: [], changed: [], removed: [] });
    expect(again.updates.flatMap((update) => update.log ?? []).join('\n')).toMatch(/34 pages \(0 converted, 34 unchanged\).*\(incremental\)/);
    expect(notion.emulator.stats().by_endpoint['GET /v1/blocks/{id}/children'] ?? 0).toBe(0);
  });

  it('translates the pages it reads back, then one page again after it changed', async () => {
    const result = await runTranslate({ siteDir: site, solution: { id: 'zcp', layout: 'per-solution' }, languages: ['ko'], translation: { provider: pseudo() }, reporter: new RecordingReporter() });
    expect(result.files.created.filter((path) => path.startsWith(`${KO}/`))).toHaveLength(34);
    expect(result.counters.pages).toBe(34);
    const before = await readFile(join(site, KO, 'user-guide/monitoring.mdx'), 'utf8');

    editFirstParagraph(notion.emulator.workspace, OVERVIEW, 'Overview, second edition.');
    editFirstParagraph(notion.emulator.workspace, '1817735f-078f-445e-bc73-9412c1ee22e8', 'Monitoring, not exported.');
    const exported = await runExport(exportOptions({ pageId: OVERVIEW }));
    expect(exported.files.changed).toEqual(['.zmp-manual/zcp.manifest.json', 'docs/zcp/getting-started/overview.mdx']);
    const reporter = new RecordingReporter();
    const translated = await runTranslate({ siteDir: site, solution: { id: 'zcp' }, languages: ['ko'], pageId: OVERVIEW, translation: { provider: pseudo() }, reporter });
    expect(translated.files.changed).toEqual(['.zmp-manual/zcp.manifest.json', `${KO}/getting-started/overview.mdx`]);
    expect(await readFile(join(site, KO, 'getting-started/overview.mdx'), 'utf8')).toContain(pseudoLocalize('Overview, second edition.', 'ko'));
    expect(await readFile(join(site, KO, 'user-guide/monitoring.mdx'), 'utf8')).toBe(before);
    expect(reporter.messages).toContain('100.0%(1/1) - overview.mdx [ko]');
  });

  it('translates a directory: the pages under its folder', async () => {
    const result = await runTranslate({ siteDir: site, solution: { id: 'zcp' }, languages: ['ja'], pageId: DEMO_IDS.gettingStarted, isDirectory: true, translation: { provider: pseudo() }, reporter: new RecordingReporter() });
    expect(result.files.created.filter((path) => path.includes('/ja/') && path.endsWith('.mdx'))).toEqual([
      'configuration-environment-variables.mdx',
      'first-deployment.mdx',
      'index.mdx',
      'installation/index.mdx',
      'installation/install-on-a-vm.mdx',
      'installation/install-on-kubernetes.mdx',
      'overview.mdx',
    ].map((path) => `i18n/ja/docusaurus-plugin-content-docs-zcp/current/getting-started/${path}`));
  });

  it('refuses a page the site does not have, and a site with nothing of the solution', async () => {
    const options = { solution: { id: 'zcp' }, languages: ['ko'], translation: { provider: pseudo() }, reporter: new RecordingReporter() };
    await expect(runTranslate({ ...options, siteDir: site, pageId: '0123456789abcdef0123456789abcdef' })).rejects.toMatchObject({ reason: 'invalid_page_id', code: 'page_not_in_site' });
    const empty = await tempDir('empty');
    const error = await runTranslate({ ...options, siteDir: empty }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PipelineError);
    expect(error).toMatchObject({ reason: 'translation_failed', code: 'nothing_to_translate' });
  });

  it('stops the export and reports nothing once the run failed, though other pages were still being read', async () => {
    // A client whose requests go to the emulator, except: one page's blocks fail for good, and another page's
    // retrieval is held until the run has failed. The exporter's other requests would otherwise go on.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let ended = false;
    const afterEnd: string[] = [];
    const failing = `/v1/blocks/${DEMO_IDS.gettingStarted}/children`;
    const client = new Client({
      auth: notion.emulator.token,
      baseUrl: notion.emulator.url,
      retry: false,
      logger: () => undefined,
      fetch: async (url: string, init?: RequestInit) => {
        const path = new URL(url).pathname;
        if (ended) afterEnd.push(path);
        if (path === failing) {
          setTimeout(release, 500); // in case the export waited for the held page after all
          return new Response(JSON.stringify({ object: 'error', status: 400, code: 'validation_error', message: 'injected for the spec' }), { status: 400, headers: { 'content-type': 'application/json' } });
        }
        if (path === `/v1/pages/${DEMO_IDS.releaseNotes}`) await held;
        return fetch(url, init);
      },
    });
    const reporter = new RecordingReporter();
    const error = await runExport(exportOptions({ siteDir: await tempDir('late'), stateDir: undefined, notion: client, reporter })).catch((caught: unknown) => caught);
    ended = true;
    expect(error).toMatchObject({ reason: 'export_failed', code: 'notion_api_error' });
    const reported = reporter.updates.length;
    release();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(afterEnd).toEqual([]);
    expect(reporter.updates.slice(reported)).toEqual([]);
  });

  it('refuses to overwrite files it did not write unless told to', async () => {
    const other = await tempDir('foreign');
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(join(other, 'docs/zcp'), { recursive: true });
    await writeFile(join(other, 'docs/zcp/index.mdx'), '# Written by the original service\n');
    await expect(runExport(exportOptions({ siteDir: other, stateDir: undefined }))).rejects.toMatchObject({ reason: 'export_failed', code: 'foreign_file', step: 'exporting' });
    expect(await listFiles(other)).toEqual(['docs/zcp/index.mdx']);
    const taken = await runExport(exportOptions({ siteDir: other, stateDir: undefined, replaceForeignFiles: true }));
    expect(taken.files.changed).toEqual(['docs/zcp/index.mdx']);
  });
});
