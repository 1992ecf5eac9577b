import type { ApiColor } from '@notionhq/client';
import { block } from './block-node';
import type { BlockNodeOf, ContentOf, Node } from './nodes';
import { richText } from './rich-text';
import type { Inline } from './rich-text';

export type CodeLanguage = ContentOf<'code'>['language'];

/** A code block; `source` is split into 2,000-character rich text items as Notion does. */
export function code(language: CodeLanguage, source: string, options: { caption?: Inline } = {}): BlockNodeOf<'code'> {
  return block('code', { rich_text: richText(source), caption: richText(options.caption ?? []), language });
}

/** A block equation (KaTeX source). */
export function equation(expression: string): BlockNodeOf<'equation'> {
  return block('equation', { expression });
}

export function divider(): BlockNodeOf<'divider'> {
  return block('divider', {});
}

export function breadcrumb(): BlockNodeOf<'breadcrumb'> {
  return block('breadcrumb', {});
}

export function tableOfContents(options: { color?: ApiColor } = {}): BlockNodeOf<'table_of_contents'> {
  return block('table_of_contents', { color: options.color ?? 'default' });
}

export interface TableOptions {
  /** The first row is a header row. */
  columnHeader?: boolean;
  /** The first column is a header column. */
  rowHeader?: boolean;
}

/** A table; every row must have the same number of cells (`table_width`). Rows become `table_row` children. */
export function table(options: TableOptions, rows: Inline[][]): BlockNodeOf<'table'> {
  const width = rows[0]?.length ?? 0;
  if (width === 0) throw new Error('A table needs at least one row with one cell.');
  const bad = rows.findIndex((row) => row.length !== width);
  if (bad >= 0) throw new Error(`Table row ${bad} has ${rows[bad].length} cells; the table is ${width} wide.`);
  const children = rows.map((row) => block('table_row', { cells: row.map((cell) => richText(cell)) }));
  return block(
    'table',
    { has_column_header: options.columnHeader ?? false, has_row_header: options.rowHeader ?? false, table_width: width },
    children,
  );
}

/** A column list: one argument per column, each a list of blocks. */
export function columns(...cols: Node[][]): BlockNodeOf<'column_list'> {
  if (cols.length < 2) throw new Error('A column list needs at least two columns.');
  return block('column_list', {}, cols.map((children) => block('column', {}, children)));
}

/** The original of a synced block; give it an id to reference it with `syncedRef(id)`. */
export function synced(options: { id: string }, ...children: Node[]): BlockNodeOf<'synced_block'> {
  return { ...block('synced_block', { synced_from: null }, children), id: options.id };
}

/**
 * A reference to a synced block. Its children are the original's children (same block ids), as the
 * API lists them; the builder fills them in.
 */
export function syncedRef(originalId: string): BlockNodeOf<'synced_block'> {
  return block('synced_block', { synced_from: { type: 'block_id', block_id: originalId } });
}

export function linkToPage(pageId: string): BlockNodeOf<'link_to_page'> {
  return block('link_to_page', { type: 'page_id', page_id: pageId });
}

export function linkToDatabase(databaseId: string): BlockNodeOf<'link_to_page'> {
  return block('link_to_page', { type: 'database_id', database_id: databaseId });
}

/** A block the API does not support (forms, AI blocks, buttons…): only its kind is known. */
export function unsupported(blockType = 'button'): BlockNodeOf<'unsupported'> {
  return block('unsupported', { block_type: blockType });
}
