/** Longest slug, in characters (file systems allow 255 bytes; Hangul takes 3 bytes a character in UTF-8). */
export const MAX_SLUG_LENGTH = 60;

/** Names Windows refuses for a file, whatever the extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/;

/**
 * A title as a file and URL segment: NFC, lower-case, every run of characters that is not a letter,
 * a combining mark or a digit (any script) becomes one `-`, no `-` at either end, at most
 * MAX_SLUG_LENGTH characters. What is left can hold no `/ \ : * ? " < > |`, no dot, no control
 * character, no whitespace; a Windows reserved name gets `-page` appended. Empty → `page-<8 hex of the id>`.
 */
export function slugify(title: string, pageId: string): string {
  let slug = title
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  slug = [...slug].slice(0, MAX_SLUG_LENGTH).join('').replace(/-+$/, '');
  if (slug === '') return `page-${pageId.replace(/-/g, '').slice(0, 8)}`;
  if (WINDOWS_RESERVED.test(slug)) return `${slug}-page`;
  return slug;
}

/**
 * Makes `wanted` unique among `taken` (which it then joins): the first page keeps its slug, a later
 * sibling with the same slug gets `-<first 6 hex of its id>` (more hex if that is taken too).
 */
export function uniqueSlug(wanted: string, pageId: string, taken: Set<string>): string {
  let slug = wanted;
  const hex = pageId.replace(/-/g, '');
  for (let length = 6; taken.has(slug); length += 2) {
    slug = length > hex.length ? `${wanted}-${hex}-${taken.size}` : `${wanted}-${hex.slice(0, length)}`;
  }
  taken.add(slug);
  return slug;
}
