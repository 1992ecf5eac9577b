import type { WriteSolutionOptions } from '../src';
import { writeSolution } from '../src';
import { listFiles, readText, removeSite, tempSite } from './site.fixtures';

// The exporter's types as docs/decisions/0002 describes them, declared the way a library declares them
// (interfaces, non-optional nulls): they must be accepted as they are, without a cast or a mapping step.
interface ExporterFrontMatter {
  id: string;
  title: string;
  sidebar_position: number;
  notion_page_id: string;
}
interface ExporterDocument {
  pageId: string;
  title: string;
  slugPath: string[];
  relativePath: string;
  isDirectory: boolean;
  sidebarPosition: number;
  parentId: string | null;
  frontMatter: ExporterFrontMatter;
  mdx: string;
  lastEditedTime: string | null;
  assets: string[];
}
interface ExporterAsset {
  fileName: string;
  sha256: string;
  contentType: string;
  sourceUrl: string;
  pageIds: string[];
  data?: Uint8Array;
}

describe('the input contract (docs/decisions/0002)', () => {
  let root: string;
  beforeEach(async () => {
    root = await tempSite();
  });
  afterEach(() => removeSite(root));

  it("takes the exporter's documents and assets as they are", async () => {
    const document: ExporterDocument = {
      pageId: '2b0c7c43-3f4e-4d8e-9a1b-2c3d4e5f6a00',
      title: 'Root',
      slugPath: [],
      relativePath: 'index.mdx',
      isDirectory: true,
      sidebarPosition: 1,
      parentId: null,
      frontMatter: { id: 'zcp', title: 'Root', sidebar_position: 1, notion_page_id: '2b0c7c43-3f4e-4d8e-9a1b-2c3d4e5f6a00' },
      mdx: '---\nid: zcp\ntitle: Root\n---\n\nHello.\n',
      lastEditedTime: null,
      assets: [],
    };
    const assets: ExporterAsset[] = [];
    const options: WriteSolutionOptions = { root, solution: 'zcp', documents: [document], assets };
    await writeSolution(options);
    expect(await listFiles(root)).toEqual(['.zmp-manual/zcp.manifest.json', 'docs/zcp/_category_.json', 'docs/zcp/index.mdx']);
    expect(JSON.parse(await readText(root, 'docs/zcp/_category_.json')).link).toEqual({ type: 'doc', id: 'zcp' });
  });
});
