import { JobPayloadError } from './errors';
import { parsePublishJobPayload } from './job-payload.schema';

const valid = {
  version: 1,
  job_id: '3c9f',
  notion_page_id: '1abb7135d33b80a79efff5ae2eaced37',
  solution: 'zcp',
  target_languages: ['ko', 'ja'],
  title: 'install',
  is_directory: false,
  parent_id: null,
  initiated_by: 'ann',
  requested_at: '2025-05-20T10:11:12.123Z',
};

const errorOf = (input: unknown): JobPayloadError => {
  try {
    parsePublishJobPayload(input);
  } catch (error) {
    if (error instanceof JobPayloadError) return error;
  }
  throw new Error('expected a JobPayloadError');
};

describe('publish job payload, version 1', () => {
  it('accepts a valid payload as is', () => {
    expect(parsePublishJobPayload(valid)).toEqual(valid);
    expect(parsePublishJobPayload({ ...valid, callback_url: 'https://hooks.example/done' }).callback_url).toBe('https://hooks.example/done');
  });

  it('names the bad field', () => {
    expect(errorOf({ ...valid, target_languages: ['ko', 7] })).toMatchObject({ code: 'invalid_payload', field: 'target_languages.1' });
    expect(errorOf({ ...valid, requested_at: 'yesterday' }).field).toBe('requested_at');
    expect(errorOf({ ...valid, version: 2 }).field).toBe('version');
    expect(errorOf({ ...valid, colour: 'red' }).field).toBe('colour');
    const { job_id: _omitted, ...withoutId } = valid;
    expect(errorOf(withoutId).toJSON()).toMatchObject({ name: 'JobPayloadError', code: 'invalid_payload', field: 'job_id' });
  });
});
