import * as api from './index';

// The package's runtime surface, pinned: other teams import these names from npm. Changing this list
// is a semver decision, not a refactoring detail.
describe('@zmp-manual/docusaurus-writer public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual(['WriterError', 'assertSafeSegment', 'localeConfig', 'readManifest', 'resolveInside', 'writeSolution']);
  });
});
