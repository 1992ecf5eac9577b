import * as api from './index';

// The package's runtime surface, pinned: other teams import these names from npm. Changing this list
// is a semver decision, not a refactoring detail.
describe('@zmp-manual/notion-exporter public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'DEFAULT_CALLOUT_MAPPING',
      'MANIFEST_VERSION',
      'NotionExportError',
      'RateLimiter',
      'crawlTree',
      'createRateLimiter',
      'exportPage',
      'exportTree',
      'serializeMdx',
      'slugify',
      'toManualsItems',
    ]);
  });
});
