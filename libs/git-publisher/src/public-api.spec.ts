import * as api from './index';

// The package's runtime surface, pinned: other teams import these names from npm. Changing this list
// is a semver decision, not a refactoring detail.
describe('@zmp-manual/git-publisher public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'GitPublisherError',
      'InMemoryRepositoryLock',
      'MAX_BODY_PAGES',
      'MAX_SUBJECT_LENGTH',
      'failureReasonFor',
      'formatCommitMessage',
      'openRepository',
      'redactUrl',
      'repositoryKey',
      'withRepositoryLock',
    ]);
  });
});
