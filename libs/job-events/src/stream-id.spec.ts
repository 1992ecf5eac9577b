import { compareStreamIds, isStreamId, normalizeStreamId } from './stream-id';

describe('stream ids', () => {
  it('orders by time then sequence, numerically', () => {
    expect(compareStreamIds('10-0', '9-5')).toBe(1);
    expect(compareStreamIds('5-2', '5-10')).toBe(-1);
    expect(compareStreamIds('5-18446744073709551615', '5-18446744073709551614')).toBe(1);
    expect(compareStreamIds('7', '7-0')).toBe(0);
  });

  it('validates and normalises', () => {
    expect(isStreamId('1700000000000-3')).toBe(true);
    expect(isStreamId('0')).toBe(true);
    expect(isStreamId('$')).toBe(false);
    expect(isStreamId('1-2-3')).toBe(false);
    expect(normalizeStreamId('007')).toBe('7-0');
  });
});
