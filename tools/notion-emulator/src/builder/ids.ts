import { createHash } from 'node:crypto';

/**
 * A UUID (version 4 layout, dashed, lower case, as Notion's ids) derived from a stable hash of `parts`:
 * the same parts always give the same id, on every machine.
 */
export function stableId(...parts: Array<string | number>): string {
  const hex = createHash('sha256').update(parts.map(String).join('\u0000')).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return [hex.slice(0, 8), hex.slice(8, 12), `4${hex.slice(13, 16)}`, `${variant}${hex.slice(17, 20)}`, hex.slice(20, 32)].join('-');
}

/** `idFactory('demo')('installation')` is `stableId('demo', 'installation')`: ids known before the tree is built. */
export function idFactory(seed: string | number): (key: string) => string {
  return (key) => stableId(seed, key);
}

/** The 32-hex form Notion uses in URLs. */
export function compactId(id: string): string {
  return id.replace(/-/g, '');
}

/** `Getting Started: Part 1` -> `Getting-Started-Part-1`, as in Notion page URLs. */
export function titleSlug(title: string): string {
  return title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** A page URL as Notion gives it: `https://www.notion.so/<Title-slug>-<32hex>`. */
export function notionPageUrl(title: string, id: string): string {
  const slug = titleSlug(title);
  return `https://www.notion.so/${slug ? `${slug}-` : ''}${compactId(id)}`;
}

/** The short URL Notion puts in `href` of page mentions and in-workspace links. */
export function notionShortUrl(id: string): string {
  return `https://www.notion.so/${compactId(id)}`;
}

/** A 32-bit unsigned number from an id, for deterministic choices (timestamps, authors). */
export function idNumber(id: string, salt = 0): number {
  const hex = compactId(id);
  const start = (salt * 8) % 32;
  return parseInt((hex + hex).slice(start, start + 8), 16) >>> 0;
}
