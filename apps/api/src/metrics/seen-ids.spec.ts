import { SeenIds } from './seen-ids';

describe('SeenIds', () => {
  it('answers true only the first time an id is touched', () => {
    const seen = new SeenIds(10);
    expect(seen.touch('a')).toBe(true);
    expect(seen.touch('a')).toBe(false);
    expect(seen.touch('b')).toBe(true);
    expect(seen.size).toBe(2);
  });

  it('stays bounded, evicting the id touched least recently', () => {
    const seen = new SeenIds(2);
    seen.touch('a');
    seen.touch('b');
    seen.touch('a'); // a is now the most recent
    seen.touch('c'); // evicts b
    expect(seen.size).toBe(2);
    expect(seen.touch('a')).toBe(false);
    expect(seen.touch('b')).toBe(true);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new SeenIds(0)).toThrow(RangeError);
  });
});
