import * as git from 'isomorphic-git';
import { classifyGitError, isNonFastForward } from './error-classifier';
import { GitPublisherError } from './git-publisher-error';

const SECRET = 'ghs_classifier_secret_81f2';
const context = { operation: 'push' as const, repository: 'http://host/org/site#main', secrets: [SECRET] };

function pushError(error: string): InstanceType<typeof git.Errors.GitPushError> {
  const result = { ok: false, error: undefined, refs: { 'refs/heads/main': { ok: false, error } } };
  return new git.Errors.GitPushError(`\n  - refs/heads/main: ${error}`, result as never);
}

describe('classifyGitError', () => {
  it.each([
    [new git.Errors.UserCanceledError(), 'auth_failed', {}],
    [new git.Errors.HttpError(401, 'Unauthorized', ''), 'auth_failed', { statusCode: 401 }],
    [new git.Errors.HttpError(403, 'Forbidden', ''), 'auth_failed', { statusCode: 403 }],
    [new git.Errors.HttpError(404, 'Not Found', ''), 'not_found', { statusCode: 404 }],
    [new git.Errors.HttpError(503, 'Unavailable', ''), 'network', { statusCode: 503 }],
    [new git.Errors.HttpError(400, 'Bad Request', ''), 'git_failed', { statusCode: 400 }],
    [new git.Errors.SmartHttpError('<html>', '<html>'), 'not_found', {}],
    [new git.Errors.UnknownTransportError('ssh://x', 'ssh'), 'invalid_url', {}],
    [Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'network', { gitCode: 'ECONNREFUSED' }],
    [new git.Errors.EmptyServerResponseError(), 'network', {}],
    [new Error('Request timed out'), 'network', {}],
    [new git.Errors.PushRejectedError('not-fast-forward'), 'push_rejected', { reason: 'not-fast-forward' }],
    [pushError('pre-receive hook declined'), 'push_rejected', { reason: 'pre-receive hook declined' }],
    [new git.Errors.CheckoutConflictError(['a.md']), 'conflict', {}],
    [Object.assign(new Error('aborted'), { name: 'AbortError' }), 'aborted', {}],
    [new git.Errors.ObjectTypeError('abc', 'blob', 'commit'), 'git_failed', { gitCode: 'ObjectTypeError' }],
  ])('maps %p to %s', (error, code, fields) => {
    const classified = classifyGitError(error, context);
    expect(classified).toBeInstanceOf(GitPublisherError);
    expect(classified.toJSON()).toMatchObject({ code, operation: 'push', repository: context.repository, ...fields });
  });

  it('classifies a MultipleGitError by the first error it gathered', () => {
    const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    const classified = classifyGitError(new git.Errors.MultipleGitError([full, new Error('second')]), context);
    expect(classified.toJSON()).toMatchObject({ code: 'git_failed', gitCode: 'ENOSPC', operation: 'push' });
    expect(classified.message).toContain('no space left on device');
    const refused = classifyGitError(new git.Errors.MultipleGitError([new git.Errors.HttpError(401, 'x', '')]), context);
    expect(refused.code).toBe('auth_failed');
  });

  it('reports a lost lock or an abort first, whatever the failing call threw', () => {
    const error = new git.Errors.HttpError(500, 'x', '');
    expect(classifyGitError(error, { ...context, interruption: 'lock_lost' }).code).toBe('lock_lost');
    expect(classifyGitError(error, { ...context, interruption: 'aborted' }).code).toBe('aborted');
  });

  it('passes its own errors through untouched', () => {
    const own = new GitPublisherError('conflict', 'x');
    expect(classifyGitError(own, context)).toBe(own);
  });

  it('never copies a secret from a foreign message', () => {
    const classified = classifyGitError(new Error(`fatal: could not read from http://u:${SECRET}@host`), context);
    expect(classified.code).toBe('git_failed');
    expect(JSON.stringify(classified)).not.toContain(SECRET);
    expect(classified.message).toContain('http://u:***@host');
  });

  it('masks a secret cut by the length limit of a foreign message', () => {
    // The secret straddles the point where the message is cut: a prefix of it must not survive.
    const message = `${'x'.repeat(290)}${SECRET} trailing`;
    const classified = classifyGitError(new Error(message), context);
    expect(classified.message).not.toContain(SECRET.slice(0, 10));
    expect(classified.message).toContain('***');
  });

  it('masks a secret in the reason a host gave for refusing a push', () => {
    const classified = classifyGitError(pushError(`hook declined: bad url http://u:${SECRET}@host`), context);
    expect(classified.code).toBe('push_rejected');
    expect(JSON.stringify(classified)).not.toContain(SECRET);
    expect(classified.details.reason).toBe('hook declined: bad url http://u:***@host');
  });

  it('never copies the body of an HTTP error answer', () => {
    const classified = classifyGitError(new git.Errors.HttpError(500, 'Internal', `echo: ${SECRET}`), context);
    expect(classified.code).toBe('network');
    expect(JSON.stringify(classified)).not.toContain(SECRET);
    expect(classified.stack).not.toContain(SECRET);
  });

  it('names non-fast-forward rejections, from the client check or from the host', () => {
    expect(isNonFastForward(new git.Errors.PushRejectedError('not-fast-forward'))).toBe(true);
    expect(isNonFastForward(pushError('non-fast-forward'))).toBe(true);
    expect(isNonFastForward(pushError('failed to update ref'))).toBe(true);
    expect(isNonFastForward(pushError('pre-receive hook declined'))).toBe(false);
    expect(isNonFastForward(new git.Errors.PushRejectedError('tag-exists'))).toBe(false);
    expect(isNonFastForward(new git.Errors.HttpError(401, 'x', ''))).toBe(false);
  });
});
