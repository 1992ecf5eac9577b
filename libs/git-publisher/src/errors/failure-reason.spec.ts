import { failureReasonFor } from './failure-reason';
import { GitPublisherError } from './git-publisher-error';

describe('failureReasonFor', () => {
  it.each(['auth_failed', 'not_found', 'invalid_url'] as const)('maps %s to repository_access_failed', (code) => {
    expect(failureReasonFor(new GitPublisherError(code, 'x'))).toBe('repository_access_failed');
  });

  it.each(['network', 'push_rejected', 'conflict', 'git_failed', 'lock_timeout'] as const)(
    'maps %s to git_operation_failed',
    (code) => {
      expect(failureReasonFor(new GitPublisherError(code, 'x'))).toBe('git_operation_failed');
    },
  );

  it('maps anything else to git_operation_failed', () => {
    expect(failureReasonFor(new Error('x'))).toBe('git_operation_failed');
    expect(failureReasonFor('x')).toBe('git_operation_failed');
  });
});
