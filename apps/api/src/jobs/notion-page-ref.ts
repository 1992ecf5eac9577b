const DASHED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COMPACT = /^[0-9a-f]{32}$/i;
/** A page id at the end of a URL path segment (`Install-Guide-1abb…`, `1abb…`, or the dashed form). */
const IN_SEGMENT = /(?:^|-)([0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

const dashed = (id: string): string => {
  const hex = id.replace(/-/g, '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

const isNotionHost = (host: string) => host === 'notion.so' || host.endsWith('.notion.so');

/** The page a notion.so URL opens: the peek parameter (`?p=<id>`) first, else the id ending the last path segment. */
function pageIdOfUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !isNotionHost(url.hostname.toLowerCase())) return undefined;
  const peek = url.searchParams.get('p');
  if (peek !== null) return DASHED.test(peek) || COMPACT.test(peek) ? dashed(peek) : undefined;
  const last = url.pathname.split('/').filter((segment) => segment !== '').pop() ?? '';
  const match = IN_SEGMENT.exec(last);
  return match ? dashed(match[1]) : undefined;
}

/**
 * The Notion page `text` names, dashed and lower-case (the form `/manuals` gives as `object_id`): 32 hex digits
 * with or without the usual dashes, any case, or a notion.so page URL (`https://www.notion.so/acme/Install-1abb…`).
 * `undefined` for anything else.
 */
export function notionPageIdOf(text: string): string | undefined {
  const trimmed = text.trim();
  if (DASHED.test(trimmed) || COMPACT.test(trimmed)) return dashed(trimmed);
  return pageIdOfUrl(trimmed);
}
