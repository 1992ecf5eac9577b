import type { Piece } from './segment.types';

/** Placeholders as the model sees them: `⟦3⟧` (markup or an opening), `⟦/3⟧` (a closing). */
export const PLACEHOLDER = /⟦(\/?)(\d+)⟧/g;

export type Token = { kind: 'text'; value: string } | { kind: 'placeholder'; closing: boolean; n: number };

/** The model's view of pieces. */
export function piecesToText(pieces: readonly Piece[]): string {
  return pieces.map((piece) => (piece.kind === 'text' ? piece.value : piece.kind === 'close' ? `⟦/${piece.n}⟧` : `⟦${piece.n}⟧`)).join('');
}

/** Cuts a translation into text runs and placeholders. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > last) tokens.push({ kind: 'text', value: text.slice(last, match.index) });
    tokens.push({ kind: 'placeholder', closing: match[1] === '/', n: Number(match[2]) });
    last = match.index + match[0].length;
  }
  if (last < text.length) tokens.push({ kind: 'text', value: text.slice(last) });
  return tokens;
}

/** Why a translation's placeholders do not match its source. */
export type PlaceholderProblem = 'placeholder_missing' | 'placeholder_duplicated' | 'placeholder_unknown' | 'placeholder_misnested';

/** `n` (or `/n`) → the span it sits in (`0` at the top), for the nesting check. */
function nesting(tokens: readonly Token[], openers: ReadonlySet<number>): Map<string, number> | undefined {
  const parents = new Map<string, number>();
  const stack: number[] = [];
  for (const token of tokens) {
    if (token.kind !== 'placeholder') continue;
    if (token.closing) {
      if (stack.at(-1) !== token.n) return undefined;
      stack.pop();
    } else {
      parents.set(String(token.n), stack.at(-1) ?? 0);
      if (openers.has(token.n)) stack.push(token.n);
    }
  }
  return stack.length === 0 ? parents : undefined;
}

/**
 * Checks that `translated` has every placeholder of `pieces` exactly once, no other, and every span
 * (`⟦n⟧…⟦/n⟧`) closed after it opens, inside the same span as in the source.
 */
export function checkPlaceholders(pieces: readonly Piece[], translated: readonly Token[]): PlaceholderProblem | undefined {
  const expected = new Set<string>();
  const openers = new Set<number>();
  for (const piece of pieces) {
    if (piece.kind === 'text') continue;
    expected.add(piece.kind === 'close' ? `/${piece.n}` : String(piece.n));
    if (piece.kind === 'open') openers.add(piece.n);
  }
  const seen = new Map<string, number>();
  for (const token of translated) {
    if (token.kind !== 'placeholder') continue;
    const key = token.closing ? `/${token.n}` : String(token.n);
    if (!expected.has(key)) return 'placeholder_unknown';
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  for (const key of expected) {
    const count = seen.get(key) ?? 0;
    if (count === 0) return 'placeholder_missing';
    if (count > 1) return 'placeholder_duplicated';
  }
  const source = nesting(
    pieces.map((piece): Token => (piece.kind === 'text' ? { kind: 'text', value: piece.value } : { kind: 'placeholder', closing: piece.kind === 'close', n: piece.n })),
    openers,
  );
  const target = nesting(translated, openers);
  if (source === undefined || target === undefined) return 'placeholder_misnested';
  for (const [key, parent] of source) if (target.get(key) !== parent) return 'placeholder_misnested';
  return undefined;
}
