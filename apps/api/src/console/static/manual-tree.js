// The manual tree, rebuilt from `GET manuals`' flat pre-order list through `parent_id`.

/** Nodes `{item, children}`: the roots are the items whose parent is not in the list. Order is kept. */
export function buildTree(items) {
  const nodes = new Map(items.map((item) => [item.object_id, { item, children: [] }]));
  const roots = [];
  for (const node of nodes.values()) {
    const parent = node.item.parent_id ? nodes.get(node.item.parent_id) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
