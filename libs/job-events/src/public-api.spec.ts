import * as api from './index';

// The package's runtime surface, pinned: other teams import these names from npm. Changing this list
// is a semver decision, not a refactoring detail.
describe('@zmp-manual/job-events public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual(['FAILURE_REASONS', 'JOB_STATES', 'TERMINAL_JOB_STATES', 'isJobState', 'isTerminalJobState']);
  });
});
