import { EXIT_CODES, EXIT_CODES_HELP, exitCodeForReason, REASON_EXIT_CODES } from './exit-codes';

describe('exit codes', () => {
  it('gives every failure reason of a job its own documented code', () => {
    expect(REASON_EXIT_CODES).toEqual({
      export_failed: 10,
      translation_failed: 11,
      repository_access_failed: 12,
      git_operation_failed: 13,
      invalid_page_id: 4,
      cancelled: 130,
      unknown_error: 1,
    });
    expect(exitCodeForReason('translation_failed')).toBe(11);
    expect(exitCodeForReason('something_new')).toBe(EXIT_CODES.failed);
  });

  it('documents each code in the help text', () => {
    for (const code of Object.values(EXIT_CODES)) expect(EXIT_CODES_HELP).toMatch(new RegExp(`^ +${code} `, 'm'));
    for (const reason of Object.keys(REASON_EXIT_CODES).filter((r) => r !== 'cancelled' && r !== 'unknown_error')) {
      expect(EXIT_CODES_HELP).toContain(reason);
    }
  });
});
