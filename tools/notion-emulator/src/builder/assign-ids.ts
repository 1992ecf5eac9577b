import { stableId } from './ids';
import type { DatabaseNode, Node, PageNode, RowNode } from './nodes';

export interface IdPlan {
  /** The id of every node of the tree (and of every row). */
  ids: Map<Node | RowNode, string>;
  /** Data source id of every database node. */
  dataSources: Map<DatabaseNode, string>;
  /** Titles of pages, rows and databases by id: what page and database mentions show. */
  titles: Map<string, string>;
}

/**
 * Gives every node its id before anything is assembled, so references (mentions, synced blocks) can be
 * resolved in any order. A node without a fixed id gets `stableId(parentId, position)`.
 */
export function assignIds(root: PageNode, rootId: string): IdPlan {
  const plan: IdPlan = { ids: new Map(), dataSources: new Map(), titles: new Map() };
  const seen = new Set<string>();
  const claim = (node: Node | RowNode, id: string): string => {
    if (plan.ids.has(node)) throw new Error(`The same ${node.kind} node object appears twice in the tree; build it with a function.`);
    if (seen.has(id)) throw new Error(`Duplicate id ${id} (${node.kind}${'title' in node ? ` "${node.title}"` : ''}).`);
    seen.add(id);
    plan.ids.set(node, id);
    return id;
  };
  const visitChildren = (children: readonly Node[], parentId: string): void => {
    children.forEach((child, index) => visit(child, child.id ?? stableId(parentId, index)));
  };
  const visit = (node: Node, id: string): void => {
    claim(node, id);
    if (node.kind === 'database') {
      plan.titles.set(id, node.title);
      const dataSourceId = node.dataSourceId ?? stableId(id, 'data-source');
      if (seen.has(dataSourceId)) throw new Error(`Duplicate id ${dataSourceId} (data source of "${node.title}").`);
      seen.add(dataSourceId);
      plan.dataSources.set(node, dataSourceId);
      node.rows.forEach((row, index) => {
        const rowId = claim(row, row.id ?? stableId(dataSourceId, index));
        plan.titles.set(rowId, row.title);
        visitChildren(row.children, rowId);
      });
      return;
    }
    if (node.kind === 'page') plan.titles.set(id, node.title);
    visitChildren(node.children, id);
  };
  visit(root, rootId);
  return plan;
}
