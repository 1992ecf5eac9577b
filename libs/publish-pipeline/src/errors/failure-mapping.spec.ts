import { WriterError } from '@zmp-manual/docusaurus-writer';
import { GitPublisherError } from '@zmp-manual/git-publisher';
import { MemoryStoreError, ProviderError, TranslatorError } from '@zmp-manual/mdx-translator';
import { NotionExportError } from '@zmp-manual/notion-exporter';
import { toPipelineError } from './failure-mapping';
import { PipelineError } from './pipeline-error';
import type { FailureContext } from './failure-mapping';

const PAGE = '11111111-2222-4333-8444-555555555555';
const at = (step: FailureContext['step'], extra: Partial<FailureContext> = {}): FailureContext => ({ step, cancelled: false, pageId: PAGE, ...extra });
const mapped = (error: unknown, context: FailureContext) => toPipelineError(error, context).toJSON();

describe('toPipelineError', () => {
  it('maps export errors to export_failed, and a bad asked page to invalid_page_id', () => {
    expect(mapped(new NotionExportError('rate_limited', 'Notion kept answering 429.'), at('exporting'))).toEqual({
      name: 'PipelineError',
      reason: 'export_failed',
      step: 'exporting',
      code: 'rate_limited',
      message: 'Export from Notion failed: Notion kept answering 429.',
    });
    const notFound = new NotionExportError('page_not_found', 'Not shared.', { pageId: PAGE.replace(/-/g, '') });
    expect(mapped(notFound, at('exporting'))).toMatchObject({ reason: 'invalid_page_id', code: 'page_not_found' });
    const otherPage = new NotionExportError('page_not_found', 'Not shared.', { pageId: '99999999-2222-4333-8444-555555555555' });
    expect(mapped(otherPage, at('exporting'))).toMatchObject({ reason: 'export_failed', code: 'page_not_found' });
  });

  it('maps translator, provider and memory errors to translation_failed', () => {
    expect(mapped(new ProviderError('insufficient_quota', 'Quota spent.', { status: 429 }), at('translating'))).toMatchObject({ reason: 'translation_failed', code: 'insufficient_quota', message: 'Translation failed: Quota spent.' });
    expect(mapped(new TranslatorError('invalid_mdx', 'Bad MDX.'), at('translating'))).toMatchObject({ reason: 'translation_failed', code: 'invalid_mdx' });
    expect(mapped(new MemoryStoreError('memory_write_failed', 'Disk full.', '/m/ko.json'), at('translating'))).toMatchObject({ reason: 'translation_failed', code: 'memory_write_failed' });
  });

  it("maps git errors with git-publisher's failure reasons", () => {
    expect(mapped(new GitPublisherError('auth_failed', 'Refused.'), at('cloning'))).toMatchObject({ reason: 'repository_access_failed', code: 'auth_failed', message: 'Repository access failed: Refused.' });
    expect(mapped(new GitPublisherError('not_found', 'No such repository.'), at('pulling'))).toMatchObject({ reason: 'repository_access_failed' });
    expect(mapped(new GitPublisherError('push_rejected', 'Rejected 3 times.'), at('pushing'))).toMatchObject({ reason: 'git_operation_failed', code: 'push_rejected', message: 'Failed to push changes: Rejected 3 times.' });
    expect(mapped(new GitPublisherError('git_failed', 'Broken index.'), at('export_commit'))).toMatchObject({ reason: 'git_operation_failed', message: 'Git operation failed: Broken index.' });
    expect(mapped(Object.assign(new Error('Lock x still held after 5 ms'), { code: 'lock_timeout' }), at('checking_repo'))).toMatchObject({ reason: 'git_operation_failed', code: 'lock_timeout' });
  });

  it.each(['network', 'git_failed', 'conflict'] as const)('maps any git error while cloning or pulling (%s) to repository_access_failed, as the original did', (code) => {
    for (const step of ['cloning', 'pulling'] as const) {
      expect(mapped(new GitPublisherError(code, 'Could not reach the host.'), at(step))).toMatchObject({ reason: 'repository_access_failed', code, message: 'Repository access failed: Could not reach the host.' });
    }
    expect(mapped(new GitPublisherError(code, 'Could not reach the host.'), at('pushing'))).toMatchObject({ reason: 'git_operation_failed', code });
    expect(mapped(new GitPublisherError('lock_timeout', 'Still held.'), at('pulling'))).toMatchObject({ reason: 'git_operation_failed', code: 'lock_timeout' });
  });

  it('maps writer errors by the write they come from', () => {
    const error = new WriterError('foreign_file', 'A file we did not write.');
    expect(mapped(error, at('exporting'))).toMatchObject({ reason: 'export_failed', code: 'foreign_file' });
    expect(mapped(error, at('translation_commit'))).toMatchObject({ reason: 'translation_failed', code: 'foreign_file' });
    expect(mapped(error, at('pushing'))).toMatchObject({ reason: 'git_operation_failed', code: 'foreign_file' });
  });

  it('says cancelled whatever the error once the caller aborted, and git_operation_failed for a lost lock', () => {
    for (const error of [new NotionExportError('aborted', 'Aborted.'), new GitPublisherError('aborted', 'Aborted.'), new Error('anything')]) {
      expect(mapped(error, at('exporting', { cancelled: true }))).toEqual({ name: 'PipelineError', reason: 'cancelled', step: 'exporting', code: expect.any(String), message: 'Publication cancelled' });
    }
    expect(mapped(new GitPublisherError('lock_lost', 'Lost.'), at('pushing', { lockLost: true }))).toMatchObject({ reason: 'git_operation_failed', code: 'lock_lost' });
  });

  it('maps anything else to unknown_error, masks secrets and keeps the cause out of the JSON', () => {
    const cause = new TypeError('token ghp_secretValue123 rejected by hand-written code');
    const error = toPipelineError(cause, at('export_commit', { secrets: ['ghp_secretValue123'] }));
    expect(error.toJSON()).toEqual({ name: 'PipelineError', reason: 'unknown_error', step: 'export_commit', code: 'unknown_error', message: 'Publication failed: token *** rejected by hand-written code' });
    expect(error.cause).toBe(cause);
    expect(JSON.stringify(error)).not.toContain('stack');
  });

  it('keeps a PipelineError, giving it the step when it had none', () => {
    const error = new PipelineError('invalid_page_id', 'Not in the solution.', { code: 'page_not_in_solution' });
    expect(toPipelineError(error, at(null))).toBe(error);
    expect(mapped(error, at('exporting'))).toEqual({ name: 'PipelineError', reason: 'invalid_page_id', step: 'exporting', code: 'page_not_in_solution', message: 'Not in the solution.' });
  });
});
