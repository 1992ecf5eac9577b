/** Finds do-not-translate terms (whole words, case-sensitive, longest first) in a text. */
export type TermMatcher = (text: string) => Array<{ index: number; term: string }>;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function createTermMatcher(terms: readonly string[]): TermMatcher | undefined {
  const unique = [...new Set(terms.map((term) => term.trim()).filter((term) => term.length > 0))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (unique.length === 0) return undefined;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${unique.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
  return (text) => [...text.matchAll(pattern)].map((match) => ({ index: match.index, term: match[0] }));
}
