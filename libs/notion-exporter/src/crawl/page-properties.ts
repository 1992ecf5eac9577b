import type { PageObjectResponse } from '@notionhq/client';

type Property = PageObjectResponse['properties'][string];

export function plainText(items: ReadonlyArray<{ plain_text: string }>): string {
  return items.map((t) => t.plain_text).join('');
}

/** Text for a one-line place (a title, an alt text): each run of spaces, tabs and line endings is one space, trimmed. */
export function oneLine(text: string): string {
  return text.replace(/[ \t\r\n]+/g, ' ').trim();
}

/** The page's title (its `title` property), trimmed; `Untitled` when empty, as Notion shows it. */
export function pageTitle(page: PageObjectResponse): string {
  const title = Object.values(page.properties).find((p): p is Extract<Property, { type: 'title' }> => p.type === 'title');
  const text = title ? plainText(title.title).replace(/\s+/g, ' ').trim() : '';
  return text === '' ? 'Untitled' : text;
}

/** The first non-empty rich-text property among `names` (database rows), as plain text. */
export function pageDescription(page: PageObjectResponse, names: readonly string[]): string | undefined {
  for (const name of names) {
    const prop = page.properties[name];
    if (prop?.type === 'rich_text') {
      const text = plainText(prop.rich_text).replace(/\s+/g, ' ').trim();
      if (text !== '') return text;
    }
  }
  return undefined;
}

/** The page a database row or sub-page hangs from, as Notion says (`undefined` for workspace/block parents). */
export function parentPageId(page: PageObjectResponse): string | undefined {
  return page.parent.type === 'page_id' ? page.parent.page_id : undefined;
}

export function isDatabaseRow(page: PageObjectResponse): boolean {
  return page.parent.type === 'data_source_id' || page.parent.type === 'database_id';
}
