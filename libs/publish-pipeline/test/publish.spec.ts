import * as fs from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as git from 'isomorphic-git';
import { createInMemoryStore } from '@zmp-manual/mdx-translator';
import { exportTree } from '@zmp-manual/notion-exporter';
import type { ExportResult } from '@zmp-manual/notion-exporter';
import { PIPELINE_STEPS, runPublish } from '../src';
import type { PipelineUpdate, PublishResult } from '../src';
import { compileMdx } from '../src/translate/mdx-verify';
import { BRANCH, cloneBack, head, listFiles, newRemote, openaiProvider, publishOptions, RecordingReporter, SOLUTION, startNotion, tempDir, useServers } from './support/harness';
import type { Notion } from './support/harness';

// The whole publish of the demo manual into ko and ja against the real emulators and git server, cloned
// back and compared with what the exporter alone produces; then the same publish again.
const KO = 'i18n/ko/docusaurus-plugin-content-docs/current/zcp';
const JA = 'i18n/ja/docusaurus-plugin-content-docs/current/zcp';
const order = (status: string | undefined) => (status === 'pulling' ? PIPELINE_STEPS.indexOf('cloning') : PIPELINE_STEPS.indexOf(status as never));

describe('runPublish: the demo manual into ko and ja', () => {
  const servers = useServers();
  let notion: Notion;
  let remote: string;
  let dataDir: string;
  let reporter: RecordingReporter;
  let first: PublishResult;
  let expected: ExportResult;
  let clone: string;
  const memory = createInMemoryStore();

  beforeAll(async () => {
    notion = await startNotion();
    remote = await newRemote(servers().git, 'demo');
    dataDir = await tempDir('data');
    reporter = new RecordingReporter();
    first = await runPublish(publishOptions({ servers: servers(), notion, remote, dataDir, reporter, languages: ['ko', 'ja'], provider: openaiProvider(servers().openai), memory }));
    expected = await exportTree({ client: notion.client, rootPageId: notion.emulator.workspace.rootPageId, rateLimit: false, assetUrlPrefix: `/img/${SOLUTION}` });
    clone = await cloneBack(servers().git, remote);
  });
  afterAll(() => notion.emulator.stop());

  it('pushes two commits, the export then the translation, with conventional messages', async () => {
    const log = await servers().git.log(remote, BRANCH);
    expect(log).toHaveLength(3);
    const [translation, exported] = log;
    expect(exported.sha).toBe(first.commits.export);
    expect(translation.sha).toBe(first.commits.translation);
    expect(first.head).toBe(translation.sha);
    expect(first.pushed).toBe(true);
    expect(exported.message).toMatch(/^docs\(zcp\): update 34 pages \(ZCP, Getting Started, /);
    expect(exported.message).toContain('\n- Writing <Docs> That Survive {MDX}\n');
    expect(translation.message).toMatch(/^i18n\(zcp\): translate 34 pages into ko, ja \(ZCP, Getting Started, .*…\)\n\n- ZCP\n/);
  });

  it('writes docs/zcp byte for byte as exportTree makes it, with every asset', async () => {
    const files = await listFiles(clone);
    for (const document of expected.documents) {
      expect({ path: document.relativePath, mdx: await readFile(join(clone, 'docs/zcp', document.relativePath), 'utf8') }).toEqual({ path: document.relativePath, mdx: document.mdx });
    }
    const pages = files.filter((path) => path.startsWith('docs/zcp/') && path.endsWith('.mdx'));
    expect(pages).toEqual(expected.documents.map((document) => `docs/zcp/${document.relativePath}`).sort());
    for (const asset of expected.assets) {
      expect(new Uint8Array(await readFile(join(clone, 'static/img/zcp', asset.fileName)))).toEqual(asset.data);
    }
    expect(files).toContain('docs/zcp/_category_.json');
    expect(files).toContain('.zmp-manual/zcp.manifest.json');
  });

  it('writes a translation of every page in ko and ja that compiles as MDX', async () => {
    for (const document of expected.documents) {
      for (const folder of [KO, JA]) {
        const mdx = await readFile(join(clone, folder, document.relativePath), 'utf8');
        expect(mdx).not.toBe(document.mdx);
        await expect(compileMdx(mdx).then(() => document.relativePath)).resolves.toBe(document.relativePath);
      }
    }
    expect(await readFile(join(clone, KO, 'getting-started/overview.mdx'), 'utf8')).toContain('⟪ko:');
    expect(await readFile(join(clone, 'i18n/ja/docusaurus-plugin-content-docs/current.json'), 'utf8')).toContain('⟪ja:Getting Started⟫');
  });

  it('reports the steps in order, with the original messages and progress that never goes back', () => {
    const updates = reporter.updates;
    const statuses = updates.map((update) => update.status);
    expect(statuses.every((status, index) => index === 0 || order(status) >= order(statuses[index - 1]))).toBe(true);
    expect([...new Set(statuses)]).toEqual(['checking_repo', 'cloning', 'exporting', 'export_commit', 'translating', 'translation_commit', 'pushing']);
    const totals = updates.flatMap((update) => (update.total_progress === undefined ? [] : [update.total_progress]));
    expect(totals.every((value, index) => index === 0 || value >= totals[index - 1])).toBe(true);
    const last = (status: string, key: keyof PipelineUpdate) => updates.filter((u) => u.status === status && u[key] !== undefined).at(-1)?.[key];
    expect(last('exporting', 'total_progress')).toBe(50);
    expect(last('translating', 'total_progress')).toBe(100);
    expect(last('translating', 'translation_progress')).toBe(100);
    // A first export knows no page count yet: its progress still grows page by page, in the export's half,
    // rather than jumping to the end of the crawl with the root page.
    const exporting = updates.filter((u) => u.status === 'exporting' && u.total_progress !== undefined).map((u) => u.total_progress as number);
    expect(exporting.every((value) => value >= 0 && value <= 50)).toBe(true);
    expect(new Set(exporting).size).toBeGreaterThanOrEqual(10);
    expect(exporting.find((value) => value > 0)).toBeLessThanOrEqual(25);

    const messages = reporter.messages;
    expect(messages[0]).toBe('Checking repository status');
    expect(messages[1]).toBe(`Cloning repository from ${servers().git.repoUrl(remote)} (branch: develop)`);
    // Every page and a _category_.json per directory page.
    const files = expected.documents.length + expected.documents.filter((document) => document.isDirectory).length;
    expect(messages).toContain(`Exported ${files} files successfully`);
    expect(messages.filter((m) => / - Exported page: /.test(m))).toHaveLength(34);
    expect(messages.filter((m) => m.startsWith('100.0%(34/34) - Exported page: '))).toHaveLength(1);
    expect(messages).toEqual(expect.arrayContaining(['Committing exported content...', 'Translating content...', 'Committing translated content...', 'Pushing changes to remote repository (branch: develop)']));
    const perFile = messages.filter((m) => /^\d+\.\d%\(\d+\/68\) - .+\.mdx \[(ko|ja)\]$/.test(m));
    expect(perFile).toHaveLength(68);
    expect(perFile.at(-1)).toMatch(/^100\.0%\(68\/68\) - /);
    expect(updates.find((u) => u.message === `Exported ${files} files successfully`)?.export_files).toBe(files);
  });

  it('counts pages, assets, segments, tokens and cache hits, and reports both commits', () => {
    expect(first.counters.pages).toBe(34);
    expect(first.counters.assets).toBe(expected.assets.length);
    expect(first.counters.segments).toBeGreaterThan(100);
    expect(first.counters.tokens).toBe(servers().openai.stats().prompt_tokens + servers().openai.stats().completion_tokens);
    // Only repeated segments (a synced block shown on two pages…) come from memory on a first run.
    expect(first.counters.cache_hits).toBeLessThan(first.counters.segments / 10);
    const commits = reporter.updates.filter((u) => u.commits !== undefined).at(-1)?.commits;
    expect(commits).toEqual({ export: first.commits.export, translation: first.commits.translation });
    expect(first.files.created).toContain('docs/zcp/index.mdx');
    expect(first.files.removed).toEqual([]);
  });

  it('makes no commit and pushes nothing when the same publish runs again', async () => {
    const before = await head(servers().git, remote);
    const again = new RecordingReporter();
    const second = await runPublish(publishOptions({ servers: servers(), notion, remote, dataDir, reporter: again, languages: ['ko', 'ja'], provider: openaiProvider(servers().openai), memory, artifact: true }));
    expect(second).toMatchObject({ pushed: false, commits: { export: null, translation: null }, head: before });
    expect(second.files).toEqual({ created: [], changed: [], removed: [] });
    expect(await head(servers().git, remote)).toBe(before);
    expect(again.messages[1]).toBe(`Pulling repository ${servers().git.repoUrl(remote)} (branch: develop)`);
    expect(second.counters.cache_hits).toBe(second.counters.segments);
    // The artifact: every generated file, deterministic.
    const third = await runPublish(publishOptions({ servers: servers(), notion, remote, dataDir, languages: ['ko', 'ja'], provider: openaiProvider(servers().openai), memory, artifact: true }));
    expect(third.artifact?.sha256).toBe(second.artifact?.sha256);
    expect(second.artifact?.bytes.length).toBeGreaterThan(10_000);
  });

  it('recovers a working copy a crashed run left dirty, with a local commit, and pushes only what is new', async () => {
    const [name] = await readdir(join(dataDir, 'repos'));
    const dir = join(dataDir, 'repos', name);
    // What a worker killed between its commit and its push leaves behind.
    await writeFile(join(dir, 'docs/zcp/index.mdx'), 'half-written\n');
    await git.add({ fs, dir, filepath: 'docs/zcp/index.mdx' });
    await git.commit({ fs, dir, message: 'docs(zcp): a commit that was never pushed', author: { name: 'x', email: 'x@example.invalid' } });
    await writeFile(join(dir, 'docs/zcp/stray.mdx'), 'left by a crash\n');
    await writeFile(join(dir, 'docs/zcp/getting-started/overview.mdx'), 'dirty\n');
    const before = await head(servers().git, remote);
    const again = await runPublish(publishOptions({ servers: servers(), notion, remote, dataDir, languages: ['ko', 'ja'], provider: openaiProvider(servers().openai), memory }));
    expect(again).toMatchObject({ pushed: false, head: before, commits: { export: null, translation: null } });
    expect(await head(servers().git, remote)).toBe(before);
    const matrix = await git.statusMatrix({ fs, dir });
    expect(matrix.filter(([, h, w, st]) => !(h === 1 && w === 1 && st === 1))).toEqual([]);
    expect(await git.resolveRef({ fs, dir, ref: 'HEAD' })).toBe(before);
  });
});
