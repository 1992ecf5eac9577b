import type { Segment } from '../segments/segment.types';

/** Tokens of a text, estimated as one per 4 UTF-16 code units, rounded up (no tokenizer needed). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** What one segment adds to a request: its text plus its JSON wrapping `{"id":"s12","text":""}`. */
export function segmentCost(segment: Pick<Segment, 'text'>): number {
  return estimateTokens(segment.text) + 8;
}

/**
 * Packs segments, in order, into requests of at most `budget` estimated tokens each. A segment larger
 * than the budget goes alone.
 */
export function packRequests<T extends Pick<Segment, 'text'>>(segments: readonly T[], budget: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const segment of segments) {
    const cost = segmentCost(segment);
    if (current.length > 0 && used + cost > budget) {
      batches.push(current);
      current = [];
      used = 0;
    }
    current.push(segment);
    used += cost;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
