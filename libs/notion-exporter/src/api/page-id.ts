import { NotionExportError } from '../errors/export-error';

const DASHED = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const COMPACT = /[0-9a-f]{32}/i;

function dashed(hex: string): string {
  const h = hex.toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A Notion id found in `text` (a dashed or compact UUID, or a notion.so URL), dashed and lower-case. */
export function findNotionId(text: string): string | undefined {
  const path = text.replace(/[?#].*$/, '');
  const d = DASHED.exec(path);
  if (d) return d[0].toLowerCase();
  const all = path.match(/[0-9a-f]{32}/gi);
  const last = all?.[all.length - 1];
  return last && COMPACT.test(last) ? dashed(last) : undefined;
}

/** Validates a root page id (UUID with or without dashes, or a Notion page URL). */
export function normalizePageId(input: string): string {
  const found = typeof input === 'string' ? findNotionId(input.trim()) : undefined;
  if (!found) {
    throw new NotionExportError('invalid_page_id', `${JSON.stringify(input)} is not a Notion page id (32 hex digits, dashed or not, or a page URL).`);
  }
  return found;
}

/** `https://www.notion.so/<32 hex>`: where a page lives in Notion. */
export function notionUrl(id: string): string {
  return `https://www.notion.so/${id.replace(/-/g, '')}`;
}

/** Where a link into Notion points: a page, and the block of that page when the link has a `#<block id>` anchor. */
export interface NotionLinkTarget {
  pageId: string;
  blockId?: string;
}

/**
 * The target of a notion.so / notion.site (or workspace-relative `/…`) link, or undefined for other links.
 * A page opened in peek mode (`…?p=<page id>`) is that page; `#<32 hex>` is a block of the page.
 */
export function notionLinkTarget(url: string): NotionLinkTarget | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url, 'https://www.notion.so');
  } catch {
    return undefined;
  }
  const host = parsed.hostname;
  if (!url.startsWith('/') && host !== 'notion.so' && !host.endsWith('.notion.so') && !host.endsWith('.notion.site')) return undefined;
  const peek = parsed.searchParams.get('p');
  const pageId = (peek && findNotionId(peek)) || findNotionId(parsed.pathname);
  if (!pageId) return undefined;
  const anchor = parsed.hash.slice(1);
  const blockId = /^[0-9a-f]{32}$/i.test(anchor) || DASHED.test(anchor) ? findNotionId(anchor) : undefined;
  return blockId && blockId !== pageId ? { pageId, blockId } : { pageId };
}
