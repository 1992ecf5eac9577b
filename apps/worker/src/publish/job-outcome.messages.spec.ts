import type { PublishJobPayload } from '@zmp-manual/job-events';
import { completedNotification, failedNotification, failureTitle, publicationFailed, retryLogLine, startedNotification } from './job-outcome.messages';

const payload: PublishJobPayload = {
  version: 1,
  job_id: 'job-1',
  notion_page_id: '1abb7135d33b80a79efff5ae2eaced37',
  solution: 'zcp',
  target_languages: ['ko'],
  title: 'install',
  is_directory: false,
  parent_id: '19ab7135d33b803b8ea7ff3e366f707d',
  initiated_by: 'jdoe',
  requested_at: '2025-05-20T10:11:12.123Z',
};

describe('job outcome messages', () => {
  it.each([
    ['export_failed', 'Manual Export Failed'],
    ['translation_failed', 'Manual Translation Failed'],
    ['repository_access_failed', 'Manual Publication Failed'],
    ['git_operation_failed', 'Manual Publication Failed'],
    ['invalid_page_id', 'Manual Publication Failed'],
    ['unknown_error', 'Manual Publication Failed'],
  ] as const)('titles a %s failure "%s"', (reason, title) => {
    expect(failureTitle(reason)).toBe(title);
    expect(failedNotification(payload, reason, 'x').title).toBe(title);
  });

  it('words a failure from outside the pipeline as the original did', () => {
    expect(publicationFailed('Redis went away')).toBe('Publication failed: Redis went away');
    expect(publicationFailed('  ')).toBe('Publication failed.');
  });

  it('builds the original notifications for the user who asked', () => {
    expect(startedNotification(payload)).toEqual({
      status: 'processing',
      title: 'Manual Publication Started',
      message: 'Starting publication process for zcp: install',
      solution: 'zcp',
      user_id: 'jdoe',
      job_id: 'job-1',
      document_title: 'install',
      notification_type: 'job_result',
      node: { notion_page_id: '1abb7135d33b80a79efff5ae2eaced37', title: 'install', is_directory: false, parent_id: '19ab7135d33b803b8ea7ff3e366f707d' },
    });
    expect(completedNotification(payload)).toMatchObject({
      status: 'success',
      title: 'Manual Publication Complete',
      message: "The manual for 'zcp' has been published successfully and pushed to GitHub.",
      user_id: 'jdoe',
    });
    expect(failedNotification(payload, 'export_failed', 'Export from Notion failed: gone')).toMatchObject({ status: 'error', message: 'Export from Notion failed: gone' });
  });

  it('names the attempt of a re-run', () => {
    expect(retryLogLine(2)).toBe('Attempt 2: the previous worker stopped (re-running from the start)');
  });
});
