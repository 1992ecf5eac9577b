import { scrubSecrets } from './secret-scrubber';

describe('scrubSecrets', () => {
  it('masks every occurrence of every secret', () => {
    expect(scrubSecrets('a tok b tok c pw', ['tok', 'pw'])).toBe('a *** b *** c ***');
  });

  it('masks the longer secret first when one holds another', () => {
    // Masking `bc` first would leave `a` and `d` of the longer secret behind.
    expect(scrubSecrets('x abcd y', ['bc', 'abcd'])).toBe('x *** y');
  });

  it('ignores empty secrets', () => {
    expect(scrubSecrets('text', [''])).toBe('text');
  });
});
