import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { exportTree } from '../src';
import type { ExportResult } from '../src';
import { compileMdx } from './support/mdx-compile';
import { startDemo } from './support/demo-emulator';
import type { DemoSetup } from './support/demo-emulator';

// Golden test: the whole demo workspace, exported through the emulator, compared byte for byte with
// the reviewed files under fixtures/demo/expected. `UPDATE=1 npx jest test/demo-export.spec.ts`
// rewrites them; review the diff before committing.
const EXPECTED = join(__dirname, '..', 'fixtures', 'demo', 'expected');
const UPDATE = process.env.UPDATE === '1';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/')).sort();
}

/** The files the export stands for: documents, the tree, the asset list (bytes as sha256). */
function outputFiles(result: ExportResult, emulatorUrl: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const doc of result.documents) files.set(`docs/${doc.relativePath}`, doc.mdx);
  files.set('tree.json', `${JSON.stringify(result.tree, null, 2)}\n`);
  const assets = result.assets.map(({ data, ...a }) => ({ ...a, sourceUrl: a.sourceUrl.replace(emulatorUrl, 'EMULATOR'), bytes: data?.length }));
  files.set('assets.json', `${JSON.stringify(assets, null, 2)}\n`);
  return files;
}

describe('exportTree on the demo workspace (golden)', () => {
  let demo: DemoSetup;
  let result: ExportResult;

  beforeAll(async () => {
    demo = await startDemo();
    result = await exportTree({ client: demo.client, rootPageId: demo.emulator.workspace.rootPageId, rateLimit: false, assetUrlPrefix: '/img/zcp' });
  });
  afterAll(() => demo.emulator.stop());

  it('writes exactly the reviewed files, byte for byte', async () => {
    const files = outputFiles(result, demo.emulator.url);
    if (UPDATE) {
      await rm(EXPECTED, { recursive: true, force: true });
      for (const [path, content] of files) {
        await mkdir(dirname(join(EXPECTED, path)), { recursive: true });
        await writeFile(join(EXPECTED, path), content);
      }
    }
    expect([...files.keys()].sort()).toEqual(await listFiles(EXPECTED));
    for (const [path, content] of files) {
      expect({ path, content }).toEqual({ path, content: await readFile(join(EXPECTED, path), 'utf8') });
    }
  });

  it('produces documents that every compile as MDX v3 with gfm, front matter, directives and math', async () => {
    expect(result.documents).toHaveLength(34);
    for (const doc of result.documents) {
      await expect(compileMdx(doc.mdx).then(() => doc.relativePath)).resolves.toBe(doc.relativePath);
    }
  });

  it('lays the documents out as the contract says: directories as index.mdx, the root at index.mdx', () => {
    const byTitle = new Map(result.documents.map((d) => [d.title, d]));
    // The root page sorts before its first sub-page (position 1) in the sidebar generated from the solution folder.
    expect(byTitle.get('ZCP')).toMatchObject({ relativePath: 'index.mdx', slugPath: [], isDirectory: true, sidebarPosition: 0, parentId: null });
    expect(byTitle.get('Installation')).toMatchObject({ relativePath: 'getting-started/installation/index.mdx', isDirectory: true, sidebarPosition: 2 });
    expect(byTitle.get('../ Relative Paths and Traversal')?.relativePath).toBe('reference/relative-paths-and-traversal.mdx');
    expect(byTitle.get('설치 FAQ')?.relativePath).toBe('troubleshooting/설치-faq.mdx');
    // A directory keeps its own content (the original service dropped it).
    expect(byTitle.get('Installation')?.mdx).toContain('Pick the way that fits your environment:');
  });

  it('renders table rows without a paragraph around cells, and details summaries inline', async () => {
    const roles = result.documents.find((d) => d.title === 'Users and Roles')!;
    const js = await compileMdx(roles.mdx);
    // The cell's text is the element's own child: no <p> between <td> and its content.
    expect(js).toMatch(/_jsx\("td", \{\s*children: "Sees dashboards"\s*\}\)/);
    expect(js).toMatch(/_jsx\("th", \{\s*scope: "row",\s*children: "Developer"\s*\}\)/);
  });

  it('reports the unsupported block as a warning and a visible placeholder', () => {
    expect(result.stats.warnings).toEqual([expect.objectContaining({ code: 'unsupported_block', pageId: expect.any(String) })]);
    const admin = result.documents.find((d) => d.title === 'Administration')!;
    expect(admin.mdx).toContain('{/* Notion block "button" is not supported');
  });

  it('names assets by content and lists the documents that use them', () => {
    expect(result.assets.map((a) => a.fileName)).toEqual(result.assets.map((a) => `${a.sha256.slice(0, 16)}.${a.fileName.split('.')[1]}`));
    const firstDeployment = result.documents.find((d) => d.title === 'First Deployment')!;
    expect(firstDeployment.assets).toHaveLength(2);
    for (const name of firstDeployment.assets) expect(firstDeployment.mdx).toContain(`/img/zcp/${name}`);
    expect(firstDeployment.mdx).not.toContain('X-Signature');
  });
});
