/** A small manual for the scope specs: root → guide (install, ports) and faq. */
import type { ExportedDocument, ExportResult, ManualNode } from '@zmp-manual/notion-exporter';
import type { SiteContent, SiteDocument } from '../../src/site/site-reader';

export const ID = {
  root: '00000000-0000-4000-8000-000000000001',
  guide: '00000000-0000-4000-8000-000000000002',
  install: '00000000-0000-4000-8000-000000000003',
  ports: '00000000-0000-4000-8000-000000000004',
  faq: '00000000-0000-4000-8000-000000000005',
  gone: '00000000-0000-4000-8000-000000000006',
};

const node = (id: string, relativePath: string, parentId: string | null, isDirectory = false): ManualNode => ({
  id,
  title: relativePath,
  slug: relativePath.split('/').at(-1)?.replace('.mdx', '') ?? '',
  slugPath: [],
  relativePath,
  parentId,
  index: 1,
  isDirectory,
  kind: 'page',
  notionUrl: '',
  lastEditedTime: null,
  lastEditedBy: null,
  lastEditorAvatarUrl: null,
});

export const TREE: ManualNode[] = [
  node(ID.root, 'index.mdx', null, true),
  node(ID.guide, 'guide/index.mdx', ID.root, true),
  node(ID.install, 'guide/install.mdx', ID.guide),
  node(ID.ports, 'guide/ports.mdx', ID.guide),
  node(ID.faq, 'faq.mdx', ID.root),
];

export function exportOf(tree: ManualNode[], assets: ExportResult['assets'] = []): ExportResult {
  const documents: ExportedDocument[] = tree.map((n) => ({
    pageId: n.id,
    title: `Title of ${n.relativePath}`,
    slugPath: [],
    relativePath: n.relativePath,
    isDirectory: n.isDirectory,
    sidebarPosition: 1,
    parentId: n.parentId,
    frontMatter: { id: n.slug, title: n.relativePath, sidebar_position: 1, notion_page_id: n.id },
    mdx: `new ${n.relativePath}\n`,
    lastEditedTime: null,
    assets: [],
  }));
  return { tree, documents, assets, stats: {} as ExportResult['stats'], manifest: {} as ExportResult['manifest'] };
}

export function siteDoc(pageId: string, relativePath: string, mdx = `old ${relativePath}\n`): SiteDocument {
  return { pageId, title: relativePath, relativePath, isDirectory: relativePath.endsWith('index.mdx'), sidebarPosition: 1, frontMatter: {}, mdx };
}

export function siteOf(documents: SiteDocument[], extra: Partial<SiteContent> = {}): SiteContent {
  return { manifest: undefined, documents, assets: [], translations: [], languages: [], ...extra };
}
