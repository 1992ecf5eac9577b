import { join, resolve } from 'node:path';
import { resolveInside } from './safe-path';
import { WriterError } from './writer-error';

describe('resolveInside', () => {
  const root = resolve('/srv/site');

  it('joins segments below the root', () => {
    expect(resolveInside(root, 'docs', 'zcp', 'intro.mdx')).toBe(join(root, 'docs', 'zcp', 'intro.mdx'));
  });

  it.each([['../../etc/passwd'], ['docs/../../outside.mdx'], ['/etc/passwd'], ['.']])('refuses %s', (segment) => {
    let caught: unknown;
    try {
      resolveInside(root, segment);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(WriterError);
    expect((caught as WriterError).code).toBe('path_outside_root');
  });

  it('refuses empty and NUL segments with their own code', () => {
    expect(() => resolveInside(root, 'docs', '')).toThrow(expect.objectContaining({ code: 'invalid_path_segment' }));
    expect(() => resolveInside(root, 'a\0b')).toThrow(expect.objectContaining({ code: 'invalid_path_segment' }));
  });
});
