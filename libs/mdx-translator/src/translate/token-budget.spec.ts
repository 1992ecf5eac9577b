import { estimateTokens, packRequests, segmentCost } from './token-budget';

describe('token budget', () => {
  it('estimates one token per 4 characters, rounded up', () => {
    expect([estimateTokens(''), estimateTokens('abcd'), estimateTokens('abcde')]).toEqual([0, 1, 2]);
  });

  it('packs segments in order under the budget, a too-large one alone', () => {
    const segments = ['a'.repeat(40), 'b'.repeat(40), 'c'.repeat(400), 'd'.repeat(8)].map((text) => ({ text }));
    expect(segmentCost(segments[0])).toBe(18);
    expect(packRequests(segments, 40).map((batch) => batch.map((segment) => segment.text[0]).join(''))).toEqual(['ab', 'c', 'd']);
  });
});
