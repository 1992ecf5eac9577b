import { join, resolve } from 'node:path';
import { assertSafeSegment, resolveInside } from './safe-path';
import type { WriterErrorCode } from './writer-error';

function codeOf(run: () => unknown): WriterErrorCode | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as { code: WriterErrorCode }).code;
  }
}

describe('assertSafeSegment', () => {
  it.each(['install.mdx', '설치.mdx', 'インストール', 'getting-started', '_category_.json', 'a.b.c', 'console.mdx', 'com10', 'lpt'])(
    'accepts %s',
    (segment) => expect(codeOf(() => assertSafeSegment(segment))).toBeUndefined(),
  );

  it.each<[string, WriterErrorCode]>([
    ['', 'path_segment_empty'],
    ['.', 'path_segment_dot'],
    ['..', 'path_segment_dot'],
    ['a/b', 'path_segment_separator'],
    ['a\\b', 'path_segment_separator'],
    ['a\0b', 'path_segment_control_character'],
    ['a\u001bb', 'path_segment_control_character'],
    ['a\u007f', 'path_segment_control_character'],
    ['a<b', 'path_segment_invalid_character'],
    ['what?', 'path_segment_invalid_character'],
    ['a:b', 'path_segment_invalid_character'],
    ['CON', 'path_segment_reserved_name'],
    ['con.mdx', 'path_segment_reserved_name'],
    ['Nul.tar.gz', 'path_segment_reserved_name'],
    ['aux', 'path_segment_reserved_name'],
    ['PRN.txt', 'path_segment_reserved_name'],
    ['COM1', 'path_segment_reserved_name'],
    ['lpt9.md', 'path_segment_reserved_name'],
    ['name.', 'path_segment_trailing_dot_or_space'],
    ['name ', 'path_segment_trailing_dot_or_space'],
    ['x'.repeat(256), 'path_segment_too_long'],
  ])('refuses %j with %s', (segment, code) => {
    expect(codeOf(() => assertSafeSegment(segment))).toBe(code);
  });
});

describe('resolveInside', () => {
  const root = resolve('/srv/site');

  it('joins segments and POSIX sub-paths below the root', () => {
    expect(resolveInside(root, 'docs', 'zcp/intro.mdx')).toBe(join(root, 'docs', 'zcp', 'intro.mdx'));
  });

  it.each<[string, WriterErrorCode]>([
    ['../../etc/passwd', 'path_segment_dot'],
    ['docs/../../outside.mdx', 'path_segment_dot'],
    ['/etc/passwd', 'path_segment_empty'],
    ['.', 'path_segment_dot'],
  ])('refuses %s', (path, code) => {
    expect(codeOf(() => resolveInside(root, path))).toBe(code);
  });
});
