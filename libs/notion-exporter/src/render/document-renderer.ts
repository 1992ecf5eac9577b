import type { PageObjectResponse } from '@notionhq/client';
import type { Root } from 'mdast';
import { pageDescription } from '../crawl/page-properties';
import type { DocumentFrontMatter, ExportedDocument, ManualNode } from '../types';
import { frontMatterBlock } from './front-matter';
import { serializeMdx } from './mdx-serializer';
import type { ResolveSources } from './reference-resolver';
import { resolveReferences } from './reference-resolver';

export interface RenderInput {
  node: ManualNode;
  page: PageObjectResponse;
  body: Root;
  descriptionProperties: readonly string[];
  sources: ResolveSources;
}

/**
 * Where the document sorts in the sidebar. The solution's root page is `index.mdx` beside its sub-pages (the
 * sidebar is generated from inside the solution folder), so it takes 0 to come before the first of them (1).
 * A directory's own page is its category's link, not an item, so its position is the category's.
 */
const sidebarPosition = (node: ManualNode): number => (node.parentId === null ? 0 : node.index);

/** One document: front matter (written by a YAML library) + the resolved, serialised body. */
export function renderDocument({ node, page, body, descriptionProperties, sources }: RenderInput): ExportedDocument {
  const resolved = resolveReferences(body, { pageId: node.id, relativePath: node.relativePath, notionUrl: node.notionUrl }, sources);
  const description = pageDescription(page, descriptionProperties);
  const frontMatter: DocumentFrontMatter = {
    id: node.slug,
    title: node.title,
    sidebar_position: sidebarPosition(node),
    ...(description ? { description } : {}),
    notion_page_id: node.id,
  };
  if (node.lastEditedTime) {
    frontMatter.last_update = node.lastEditedBy ? { date: node.lastEditedTime, author: node.lastEditedBy } : { date: node.lastEditedTime };
  }
  const content = resolved.body.children.length > 0 ? `\n${serializeMdx(resolved.body)}` : '';
  return {
    pageId: node.id,
    title: node.title,
    slugPath: node.slugPath,
    relativePath: node.relativePath,
    isDirectory: node.isDirectory,
    sidebarPosition: sidebarPosition(node),
    parentId: node.parentId,
    frontMatter,
    mdx: `${frontMatterBlock(frontMatter)}${content}`,
    lastEditedTime: node.lastEditedTime,
    assets: resolved.assetFileNames,
  };
}
