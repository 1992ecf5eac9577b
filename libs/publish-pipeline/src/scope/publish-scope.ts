import { posix } from 'node:path';
import type { ManualNode } from '@zmp-manual/notion-exporter';
import { PipelineError } from '../errors/pipeline-error';

/** Which pages a publish writes (decision 0004, "Scope of a publish"). */
export interface PublishScope {
  /** The solution's root page was asked: every page is in scope, and every vanished page is removed. */
  whole: boolean;
  /** The pages whose export replaces what the site has. */
  pageIds: ReadonlySet<string>;
  /**
   * Folders (relative to the solution folder, ending in `/`) where a page of the site that is no longer in
   * Notion is removed: the asked directory, where it is now and where the site has it.
   */
  removalAreas: readonly string[];
}

export interface ScopeInput {
  /** The exported tree of the whole solution (pre-order, root first). */
  tree: readonly ManualNode[];
  solution: string;
  /** The asked page, dashed. */
  pageId: string;
  isDirectory: boolean;
  /** The pages the site has now, by page id → their path in the solution folder. */
  sitePages: ReadonlyMap<string, string>;
}

const folderOf = (relativePath: string): string | undefined =>
  posix.basename(relativePath) === 'index.mdx' || posix.basename(relativePath) === 'index.md' ? `${posix.dirname(relativePath)}/` : undefined;

/**
 * The pages in scope: the asked page; its whole subtree when `isDirectory`; every ancestor the site does not
 * have yet (so the page has a folder and a category to live in). The root page means the whole solution.
 * A page outside the solution's tree is `invalid_page_id`.
 */
export function computeScope(input: ScopeInput): PublishScope {
  const { tree, pageId, sitePages } = input;
  const byId = new Map(tree.map((node) => [node.id, node]));
  const asked = byId.get(pageId);
  if (asked === undefined) {
    throw new PipelineError('invalid_page_id', `Page ${pageId} is not part of solution ${input.solution}`, { code: 'page_not_in_solution' });
  }
  if (asked.parentId === null) return { whole: true, pageIds: new Set(byId.keys()), removalAreas: [] };

  const pageIds = new Set([pageId]);
  const removalAreas = new Set<string>();
  if (input.isDirectory) {
    const children = new Map<string, string[]>();
    for (const node of tree) if (node.parentId !== null) children.set(node.parentId, [...(children.get(node.parentId) ?? []), node.id]);
    const stack = [...(children.get(pageId) ?? [])];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      pageIds.add(id);
      stack.push(...(children.get(id) ?? []));
    }
    for (const path of [asked.relativePath, sitePages.get(pageId)]) {
      const folder = path === undefined ? undefined : folderOf(path);
      if (folder !== undefined) removalAreas.add(folder);
    }
  }
  for (let parent: string | null = asked.parentId; parent !== null; parent = byId.get(parent)?.parentId ?? null) {
    if (!sitePages.has(parent)) pageIds.add(parent);
  }
  return { whole: false, pageIds, removalAreas: [...removalAreas].sort() };
}
