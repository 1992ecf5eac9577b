/**
 * Heading anchors the way Docusaurus makes them (github-slugger rules): lower case; everything but
 * letters, marks, decimal and letter numbers, connector punctuation (`_`), `-` and spaces removed;
 * spaces turned into `-`; a repeated slug gets `-1`, `-2`… in document order.
 */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

export class HeadingSlugger {
  private readonly occurrences = new Map<string, number>();

  /** The next unique slug for `text` in this document. */
  slug(text: string): string {
    const base = slugify(text);
    let slug = base;
    while (this.occurrences.has(slug)) {
      const count = (this.occurrences.get(base) ?? 0) + 1;
      this.occurrences.set(base, count);
      slug = `${base}-${count}`;
    }
    this.occurrences.set(slug, 0);
    return slug;
  }
}
