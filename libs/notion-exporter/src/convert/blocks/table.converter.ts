import type { TableBlockObjectResponse, TableRowBlockObjectResponse } from '@notionhq/client';
import type { PhrasingContent, RootContent, Table, TableRow } from 'mdast';
import type { BlockConverter } from '../convert-context';
import { attribute, jsxFlow, jsxLine } from '../mdast-builders';
import { convertRichText } from '../rich-text.converter';

function cells(row: TableRowBlockObjectResponse, width: number): PhrasingContent[][] {
  const out = row.table_row.cells.map((cell) => convertRichText(cell, { lineBreak: 'jsx' }));
  while (out.length < width) out.push([]);
  return out.slice(0, width);
}

/** A GFM table: only when Notion's table has a column header and no row header (GFM always has a header row). */
function gfmTable(rows: PhrasingContent[][][]): Table {
  const tableRows: TableRow[] = rows.map((row) => ({ type: 'tableRow', children: row.map((children) => ({ type: 'tableCell', children })) }));
  return { type: 'table', align: rows[0]?.map(() => null) ?? [], children: tableRows };
}

/** An HTML table in JSX: no header row, and/or the first cell of each row a row header (`<th scope="row">`). */
function jsxTable(rows: PhrasingContent[][][], columnHeader: boolean, rowHeader: boolean): RootContent {
  const tr = (row: PhrasingContent[][], inHead: boolean) =>
    jsxFlow(
      'tr',
      [],
      row.map((cell, i) => {
        if (inHead) return jsxLine('th', [], cell);
        if (rowHeader && i === 0) return jsxLine('th', attribute('scope', 'row'), cell);
        return jsxLine('td', [], cell);
      }),
    );
  const head = columnHeader && rows.length > 0 ? [jsxFlow('thead', [], [tr(rows[0], true)])] : [];
  const body = (columnHeader ? rows.slice(1) : rows).map((row) => tr(row, false));
  return jsxFlow('table', [], [...head, jsxFlow('tbody', [], body)]);
}

export const tableConverter: BlockConverter = (node) => {
  const table = (node.block as TableBlockObjectResponse).table;
  const rows = node.children
    .map((child) => child.block)
    .filter((b): b is TableRowBlockObjectResponse => b.type === 'table_row')
    .map((row) => cells(row, table.table_width));
  if (rows.length === 0) return [];
  if (table.has_column_header && !table.has_row_header) return [gfmTable(rows)];
  return [jsxTable(rows, table.has_column_header, table.has_row_header)];
};
