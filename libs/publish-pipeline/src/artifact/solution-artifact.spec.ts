import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSolution } from '@zmp-manual/docusaurus-writer';
import { strFromU8, unzipSync } from 'fflate';
import { buildArtifact } from './solution-artifact';

const doc = (relativePath: string, id: string) => ({
  pageId: `p-${id}`,
  title: id,
  relativePath,
  isDirectory: relativePath.endsWith('index.mdx'),
  sidebarPosition: 1,
  frontMatter: { id },
  mdx: `---\nid: ${id}\n---\n\n${id}\n`,
});

describe('buildArtifact', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'artifact-'));
    await writeSolution({
      root,
      solution: 'zcp',
      documents: [doc('index.mdx', 'zcp'), doc('b/index.mdx', 'b'), doc('a.mdx', 'a')],
      translations: [{ language: 'ko', pageId: 'p-b', mdx: '---\nid: b\ntitle: 비\n---\n\n비\n' }],
    });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("zips every file of the writer's manifest, sorted, with the manifest itself", async () => {
    const { bytes, sha256 } = await buildArtifact(root, 'zcp', '.zmp-manual/zcp.manifest.json');
    const entries = unzipSync(bytes);
    expect(Object.keys(entries)).toEqual([
      '.zmp-manual/zcp.manifest.json',
      'docs/zcp/_category_.json',
      'docs/zcp/a.mdx',
      'docs/zcp/b/_category_.json',
      'docs/zcp/b/index.mdx',
      'docs/zcp/index.mdx',
      'i18n/ko/docusaurus-plugin-content-docs/current.json',
      'i18n/ko/docusaurus-plugin-content-docs/current/zcp/b/index.mdx',
    ]);
    expect(strFromU8(entries['docs/zcp/a.mdx'])).toBe('---\nid: a\n---\n\na\n');
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same bytes for the same tree at any time: every entry has one fixed time', async () => {
    const first = await buildArtifact(root, 'zcp', '.zmp-manual/zcp.manifest.json');
    // The DOS time and date of the first local header (offset 10): 00:00:00 on 1980-01-01.
    expect([...first.bytes.subarray(10, 14)]).toEqual([0, 0, 0x21, 0]);
    const second = await buildArtifact(root, 'zcp', '.zmp-manual/zcp.manifest.json');
    expect(second.sha256).toBe(first.sha256);
  });

  it('is empty for a solution the site does not have', async () => {
    expect(Object.keys(unzipSync((await buildArtifact(root, 'apim', '.zmp-manual/apim.manifest.json')).bytes))).toEqual([]);
  });
});
