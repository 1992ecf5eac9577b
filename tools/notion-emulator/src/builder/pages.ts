import type { DatabaseNode, DatabaseOptions, Node, PageNode, PageOptions, RowNode } from './nodes';
import type { RowValue } from './properties';

/**
 * A page. Nest it among another page's (or block's) children: the builder puts a `child_page` block
 * there and sets the page's parent. `page('Title', ...children)` or `page({ title, id, icon, cover }, ...children)`.
 */
export function page(titleOrOptions: string | PageOptions, ...children: Node[]): PageNode {
  const options = typeof titleOrOptions === 'string' ? { title: titleOrOptions } : titleOrOptions;
  return { ...options, kind: 'page', children };
}

/** A database row: a page in the data source with property values (`{ Status: 'Done', Tags: ['a'] }`). */
export function row(titleOrOptions: string | PageOptions, values: Record<string, RowValue> = {}, ...children: Node[]): RowNode {
  const options = typeof titleOrOptions === 'string' ? { title: titleOrOptions } : titleOrOptions;
  return { ...options, kind: 'row', values, children };
}

/** A database with one data source and its rows, shown where a `child_database` block sits. */
export function database(options: DatabaseOptions, ...rows: RowNode[]): DatabaseNode {
  const titles = options.properties.filter((p) => p.type === 'title');
  if (titles.length !== 1) throw new Error(`Database "${options.title}" needs exactly one title property.`);
  return { ...options, kind: 'database', rows };
}
