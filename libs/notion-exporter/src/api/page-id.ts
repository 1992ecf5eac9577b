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

/** The id of a notion.so (or workspace-relative `/…`) link's target page, or undefined for other links. */
export function notionLinkTarget(url: string): string | undefined {
  if (url.startsWith('/')) return findNotionId(url);
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return undefined;
  }
  if (host !== 'notion.so' && !host.endsWith('.notion.so') && !host.endsWith('.notion.site')) return undefined;
  return findNotionId(new URL(url).pathname);
}
