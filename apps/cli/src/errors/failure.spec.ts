import { PipelineError, SettingsError } from '@zmp-manual/publish-pipeline';
import { failureLine, toFailure } from './failure';
import { UsageError } from './usage-error';

describe('toFailure', () => {
  const secrets = ['ghp_secret_token'];

  it.each([
    ['export_failed', 10],
    ['translation_failed', 11],
    ['repository_access_failed', 12],
    ['git_operation_failed', 13],
    ['invalid_page_id', 4],
    ['cancelled', 130],
    ['unknown_error', 1],
  ] as const)('maps a PipelineError %s to exit code %i', (reason, exitCode) => {
    const failure = toFailure(new PipelineError(reason, 'it broke', { step: 'pushing', code: 'some_code' }), secrets);
    expect(failure).toEqual({ exitCode, reason, message: 'it broke', step: 'pushing', code: 'some_code' });
  });

  it('names the variable of a configuration error (3) and the flag of a usage error (2)', () => {
    expect(toFailure(new SettingsError('MAX_CHUNK_SIZE', 'MAX_CHUNK_SIZE must be at least 1'), secrets)).toMatchObject({ exitCode: 3, reason: 'configuration_error', message: 'MAX_CHUNK_SIZE must be at least 1' });
    expect(toFailure(new UsageError('--languages: write "KO" as "ko"'), secrets)).toMatchObject({ exitCode: 2, reason: 'usage_error' });
  });

  it('treats anything thrown after Ctrl-C as cancelled, and anything else as unknown_error (1)', () => {
    expect(toFailure(new Error('socket closed'), secrets, true)).toMatchObject({ exitCode: 130, reason: 'cancelled' });
    expect(toFailure(new PipelineError('git_operation_failed', 'aborted push'), secrets, true)).toMatchObject({ exitCode: 130, reason: 'cancelled' });
    expect(toFailure('weird', secrets)).toMatchObject({ exitCode: 1, reason: 'unknown_error', message: 'weird' });
  });

  it('masks a secret also inside a Basic authorization header a host sent back', () => {
    const header = `Basic ${Buffer.from('x-access-token:ghp_secret_token').toString('base64')}`;
    const failure = toFailure(new Error(`push refused with authorization ${header}`), secrets);
    expect(failure.message).toContain('***');
    expect(failure.message).not.toContain(Buffer.from('ghp_secret_token').toString('base64').slice(2, -4));
    expect(failure.message.length).toBeLessThan(`push refused with authorization Basic `.length + 28);
  });

  it('masks secrets in every message', () => {
    const failure = toFailure(new Error('push to https://x:ghp_secret_token@host failed'), secrets);
    expect(failure.message).toBe('push to https://x:***@host failed');
    expect(failureLine(toFailure(new PipelineError('repository_access_failed', 'token ghp_secret_token refused', { step: 'cloning', code: 'auth_failed' }), secrets))).toBe(
      'repository_access_failed: token *** refused (step cloning, code auth_failed)',
    );
  });
});
