import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_IDS } from '@zmp-manual/notion-emulator';
import { runPublish } from '../src';
import { cloneBack, differences, listFiles, newRemote, publishOptions, snapshot, startNotion, tempDir, useServers } from './support/harness';
import type { Notion } from './support/harness';
import { editFirstParagraph, trashPage } from './support/notion-edits';

// What a publish of one page or one directory writes, and what it leaves as it is (decision 0004).
const PAGES = {
  gettingStarted: DEMO_IDS.gettingStarted,
  installation: DEMO_IDS.installation,
  overview: 'c3b49c81-60a1-4e4f-b163-3eb0cc6d1867',
  installOnKubernetes: 'c6c55539-763f-40fd-8e58-4a5e26cc87fe',
  installOnVm: 'db89da82-80bc-44c3-aff7-a18b46b71a0b',
  monitoring: '1817735f-078f-445e-bc73-9412c1ee22e8',
  auditLogs: '39ce96b6-9bfd-4ab6-9440-0c168c41a8ec',
};
const KO = 'i18n/ko/docusaurus-plugin-content-docs/current/zcp';
const pagesOf = (files: string[]) => files.filter((path) => path.startsWith('docs/zcp/'));

describe('publishing one page or one directory', () => {
  const servers = useServers();

  describe('into a site that has nothing yet', () => {
    let notion: Notion;
    let remote: string;
    let dataDir: string;
    beforeAll(async () => {
      notion = await startNotion();
      remote = await newRemote(servers().git, 'scope-empty');
      dataDir = await tempDir('data');
    });
    afterAll(() => notion.emulator.stop());

    it('writes the page and the ancestors the site lacks, nothing else', async () => {
      const result = await runPublish(publishOptions({ servers: servers(), notion, remote, dataDir, pageId: PAGES.installOnKubernetes, isDirectory: false }));
      expect(result.counters.pages).toBe(4);
      const files = await listFiles(await cloneBack(servers().git, remote));
      expect(pagesOf(files)).toEqual([
        'docs/zcp/_category_.json',
        'docs/zcp/getting-started/_category_.json',
        'docs/zcp/getting-started/index.mdx',
        'docs/zcp/getting-started/installation/_category_.json',
        'docs/zcp/getting-started/installation/index.mdx',
        'docs/zcp/getting-started/installation/install-on-kubernetes.mdx',
        'docs/zcp/index.mdx',
      ]);
      expect(files.filter((path) => path.startsWith(`${KO}/`))).toHaveLength(4);
      // The same publish again: its ancestors are now the site's own (kept as they are), nothing changes.
      const again = await runPublish(publishOptions({ servers: servers(), notion, remote, dataDir, pageId: PAGES.installOnKubernetes, isDirectory: false }));
      expect(again).toMatchObject({ pushed: false, commits: { export: null, translation: null }, files: { created: [], changed: [], removed: [] } });
    });

    it('writes a directory with its whole subtree and keeps the pages written before', async () => {
      const before = await snapshot(await cloneBack(servers().git, remote));
      const result = await runPublish(publishOptions({ servers: servers(), notion, remote, dataDir, pageId: PAGES.gettingStarted, isDirectory: true }));
      const after = await snapshot(await cloneBack(servers().git, remote));
      expect(pagesOf([...after.keys()]).filter((path) => path.endsWith('.mdx'))).toEqual([
        'docs/zcp/getting-started/configuration-environment-variables.mdx',
        'docs/zcp/getting-started/first-deployment.mdx',
        'docs/zcp/getting-started/index.mdx',
        'docs/zcp/getting-started/installation/index.mdx',
        'docs/zcp/getting-started/installation/install-on-a-vm.mdx',
        'docs/zcp/getting-started/installation/install-on-kubernetes.mdx',
        'docs/zcp/getting-started/overview.mdx',
        'docs/zcp/index.mdx',
      ]);
      expect(result.counters.pages).toBe(7);
      // The root page was not in scope: untouched, in every language.
      expect(after.get('docs/zcp/index.mdx')).toBe(before.get('docs/zcp/index.mdx'));
      expect(after.get(`${KO}/index.mdx`)).toBe(before.get(`${KO}/index.mdx`));
      expect(differences(before, after).every((path) => path.includes('getting-started/') || path.startsWith('.zmp-manual/') || path.startsWith('static/img/zcp/'))).toBe(true);
    });
  });

  describe('into a site with the whole manual', () => {
    let notion: Notion;
    let remote: string;
    let dataDir: string;
    beforeAll(async () => {
      notion = await startNotion();
      remote = await newRemote(servers().git, 'scope-whole');
      dataDir = await tempDir('data');
      await runPublish(publishOptions({ servers: servers(), notion, remote, dataDir }));
    });
    afterAll(() => notion.emulator.stop());

    it('publishes one edited page and leaves another edited page as the site has it', async () => {
      const ws = notion.emulator.workspace;
      editFirstParagraph(ws, PAGES.overview, 'Overview, edited for this publish.');
      editFirstParagraph(ws, PAGES.monitoring, 'Monitoring, edited but not published.');
      const before = await snapshot(await cloneBack(servers().git, remote));
      const result = await runPublish(publishOptions({ servers: servers(), notion, remote, dataDir, pageId: PAGES.overview, isDirectory: false }));
      const after = await snapshot(await cloneBack(servers().git, remote));
      expect(differences(before, after)).toEqual([
        '.zmp-manual/zcp.manifest.json',
        'docs/zcp/getting-started/overview.mdx',
        `${KO}/getting-started/overview.mdx`,
      ]);
      expect(after.get('docs/zcp/getting-started/overview.mdx')).toContain('Overview, edited for this publish.');
      expect(after.get('docs/zcp/user-guide/monitoring.mdx')).not.toContain('Monitoring, edited');
      expect(result.files).toEqual({ created: [], changed: ['.zmp-manual/zcp.manifest.json', 'docs/zcp/getting-started/overview.mdx', `${KO}/getting-started/overview.mdx`], removed: [] });
      expect(result.counters.pages).toBe(1);
    });

    it('removes a page that left Notion inside the published directory, and keeps one outside it', async () => {
      const ws = notion.emulator.workspace;
      trashPage(ws, PAGES.installOnVm);
      trashPage(ws, PAGES.auditLogs);
      await runPublish(publishOptions({ servers: servers(), notion, remote, dataDir, pageId: PAGES.gettingStarted, isDirectory: true }));
      const clone = await cloneBack(servers().git, remote);
      const files = await listFiles(clone);
      expect(files).not.toContain('docs/zcp/getting-started/installation/install-on-a-vm.mdx');
      expect(files).not.toContain(`${KO}/getting-started/installation/install-on-a-vm.mdx`);
      expect(await readFile(join(clone, 'docs/zcp/getting-started/installation/index.mdx'), 'utf8')).not.toContain('install-on-a-vm');
      expect(files).toContain('docs/zcp/administration/security/audit-logs.mdx');
      expect(files).toContain(`${KO}/administration/security/audit-logs.mdx`);
      // The edited page outside the scope is still as the site had it.
      expect(await readFile(join(clone, 'docs/zcp/user-guide/monitoring.mdx'), 'utf8')).not.toContain('Monitoring, edited');
    });

    it('removes every page that left Notion when the root page is published', async () => {
      const result = await runPublish(publishOptions({ servers: servers(), notion, remote, dataDir }));
      const files = await listFiles(await cloneBack(servers().git, remote));
      expect(files).not.toContain('docs/zcp/administration/security/audit-logs.mdx');
      expect(files).not.toContain(`${KO}/administration/security/audit-logs.mdx`);
      expect(result.files.removed).toEqual(['docs/zcp/administration/security/audit-logs.mdx', `${KO}/administration/security/audit-logs.mdx`]);
      expect(result.files.changed).toEqual(expect.arrayContaining(['docs/zcp/user-guide/monitoring.mdx', 'docs/zcp/administration/security/index.mdx']));
    });
  });
});
