import { piecesToText } from './placeholders';
import type { Piece, Segment, SegmentContext } from './segment.types';
import type { TermMatcher } from './term-matcher';

const LETTER = /\p{L}/u;
const RESERVED = /[⟦⟧]/;

/** Numbers the placeholders of one segment. */
export interface Counter {
  n: number;
}

/** Collects the segments of one document, numbering them in the order they are found. */
export class SegmentSink {
  readonly segments: Segment[] = [];

  constructor(
    readonly source: string,
    private readonly terms: TermMatcher | undefined,
  ) {}

  /** A text value as pieces: plain text, with each do-not-translate term as a `term` placeholder. */
  textPieces(value: string, counter: Counter): Piece[] {
    const pieces: Piece[] = [];
    let last = 0;
    for (const { index, term } of this.terms?.(value) ?? []) {
      if (index > last) pieces.push({ kind: 'text', value: value.slice(last, index) });
      counter.n += 1;
      pieces.push({ kind: 'term', n: counter.n, value: term });
      last = index + term.length;
    }
    if (last < value.length) pieces.push({ kind: 'text', value: value.slice(last) });
    return pieces;
  }

  /**
   * Adds a segment unless it has nothing to translate (no letter outside placeholders) or its text
   * contains the placeholder brackets themselves. Leading and trailing white space is left out of both
   * the pieces and the range. Returns the segment's range after trimming, or undefined.
   */
  add(start: number, end: number, pieces: Piece[], context: SegmentContext): [number, number] | undefined {
    const trimmed = trimPieces(pieces);
    if (trimmed.length === 0) return undefined;
    const first = trimmed[0];
    const last = trimmed[trimmed.length - 1];
    const from = first.kind === 'text' ? skipSpace(this.source, start, end, 1) : start;
    const to = last.kind === 'text' ? skipSpace(this.source, end, from, -1) : end;
    const texts = trimmed.filter((piece) => piece.kind === 'text');
    if (!texts.some((piece) => LETTER.test(piece.value)) || texts.some((piece) => RESERVED.test(piece.value))) return undefined;
    this.segments.push({ id: `s${this.segments.length + 1}`, start: from, end: to, pieces: trimmed, text: piecesToText(trimmed), context });
    return [from, to];
  }
}

function trimPieces(pieces: readonly Piece[]): Piece[] {
  const result = pieces.map((piece) => ({ ...piece }));
  const first = result[0];
  if (first?.kind === 'text') first.value = first.value.trimStart();
  const last = result.at(-1);
  if (last?.kind === 'text') last.value = last.value.trimEnd();
  return result.filter((piece) => piece.kind !== 'text' || piece.value.length > 0);
}

/** Moves `from` over white space towards `limit` (forwards with step 1, backwards with -1). */
function skipSpace(source: string, from: number, limit: number, step: 1 | -1): number {
  let index = from;
  if (step === 1) while (index < limit && /\s/.test(source[index])) index += 1;
  else while (index > limit && /\s/.test(source[index - 1])) index -= 1;
  return index;
}
