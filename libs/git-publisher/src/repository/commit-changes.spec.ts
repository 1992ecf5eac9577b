import { pathsOf } from './commit-changes';
import type { CommitOptions } from './repository.types';

const message = 'docs(zcp): update A';

describe('pathsOf', () => {
  it('stages everything for all: true, and the normalised paths otherwise', () => {
    expect(pathsOf({ message, all: true })).toBeUndefined();
    expect(pathsOf({ message, paths: ['./docs/zcp/', 'i18n\\ko'] })).toEqual(['docs/zcp', 'i18n/ko']);
    expect(pathsOf({ message, paths: ['docs', '.'] })).toBeUndefined();
  });

  it.each([
    ['neither paths nor all', { message }],
    ['all: false', { message, all: false }],
    ['both paths and all', { message, all: true, paths: ['docs'] }],
    ['paths that is not an array', { message, paths: 'docs' }],
    ['a path that is not a string', { message, paths: [1] }],
    ['an absolute path', { message, paths: ['/etc'] }],
    ['a path leaving the working copy', { message, paths: ['docs/../../x'] }],
    ['the .git folder', { message, paths: ['.git/config'] }],
  ])('refuses %s with invalid_option', (_, options) => {
    expect(() => pathsOf(options as unknown as CommitOptions)).toThrow(
      expect.objectContaining({ code: 'invalid_option', details: { operation: 'commit', option: 'paths' } }),
    );
  });
});
