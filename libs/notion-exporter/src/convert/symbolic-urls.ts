import type { Link } from 'mdast';

/**
 * Converters do not know where other pages or downloaded files will end up, so they write symbolic URLs
 * that the reference resolver replaces at render time. The same stored body therefore renders correctly
 * after a sibling was renamed or an asset re-downloaded.
 */
export const PAGE_URL = 'notion-page:';
export const DATABASE_URL = 'notion-database:';
export const ASSET_URL = 'notion-asset:';

/** A page, or a block of a page (`notion-page:<page id>#<block id>`). */
export const pageUrl = (id: string, blockId?: string): string => `${PAGE_URL}${id}${blockId ? `#${blockId}` : ''}`;
export const databaseUrl = (id: string): string => `${DATABASE_URL}${id}`;
export const assetUrl = (key: string): string => `${ASSET_URL}${key}`;

/** `node.data` marker of a page mention: its text becomes the target's current title. */
export interface MentionData {
  notionMention?: true;
}

/** `node.data` of a heading: the Notion block it came from, so a link to that block can point at its anchor. */
export interface HeadingData {
  notionBlockId?: string;
}

/** `node.data` marker of the placeholder replaced by a database's rows table. */
export interface DatabaseTableData {
  notionDatabase?: { id: string; title: string };
}

/** A link whose text is replaced by its target's current title at render time. */
export function mentionLink(url: string, label: string): Link {
  const data: MentionData = { notionMention: true };
  return { type: 'link', url, children: [{ type: 'text', value: label }], data: data as Link['data'] };
}
