import type { PageObjectResponse } from '@notionhq/client';
import type { PhrasingContent, RootContent, Table } from 'mdast';
import { paragraph, text } from '../convert/mdast-builders';
import { pageUrl } from '../convert/symbolic-urls';
import { propertyCell } from './property-cell';

export interface DatabaseInfo {
  title: string;
  hostPageId: string;
  rows: PageObjectResponse[];
}

/** A database as its title and a GFM table of its rows (title column first, linking to each row's document). */
export function databaseTable(info: DatabaseInfo, userName: (id: string) => string | null): RootContent[] {
  const title: RootContent = paragraph([{ type: 'strong', children: [text(info.title || 'Database')] }]);
  if (info.rows.length === 0) return [title, paragraph([text('No entries yet.')])];
  const first = info.rows[0].properties;
  const names = [...Object.keys(first).filter((n) => first[n].type === 'title'), ...Object.keys(first).filter((n) => first[n].type !== 'title')];
  const header = { type: 'tableRow' as const, children: names.map((n) => ({ type: 'tableCell' as const, children: [text(n)] })) };
  const rows = info.rows.map((row) => ({
    type: 'tableRow' as const,
    children: names.map((name) => {
      const prop = row.properties[name];
      let cell: PhrasingContent[] = prop ? propertyCell(prop, userName) : [];
      if (prop?.type === 'title') cell = [{ type: 'link', url: pageUrl(row.id), children: cell.length ? cell : [text('Untitled')] }];
      return { type: 'tableCell' as const, children: cell };
    }),
  }));
  const table: Table = { type: 'table', align: names.map(() => null), children: [header, ...rows] };
  return [title, table];
}
