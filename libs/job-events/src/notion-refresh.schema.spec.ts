import { JobPayloadError } from './errors';
import { parseNotionRefreshPayload } from './notion-refresh.schema';

const valid = {
  version: 1,
  solution: 'zcp',
  page_id: '1abb7135-d33b-80a7-9eff-f5ae2eaced37',
  event_type: 'page.content_updated',
  event_id: 'evt-1',
  received_at: '2025-05-20T10:11:12.123Z',
};

const errorOf = (input: unknown): JobPayloadError => {
  try {
    parseNotionRefreshPayload(input);
  } catch (error) {
    if (error instanceof JobPayloadError) return error;
  }
  throw new Error('expected a JobPayloadError');
};

describe('notion refresh payload, version 1', () => {
  it('accepts a valid payload as is', () => {
    expect(parseNotionRefreshPayload(valid)).toEqual(valid);
  });

  it('names the first bad field: version, a missing or empty field, an unknown key, a local time', () => {
    expect(errorOf({ ...valid, version: 2 }).field).toBe('version');
    const { page_id: _missing, ...noPage } = valid;
    expect(errorOf(noPage).field).toBe('page_id');
    expect(errorOf({ ...valid, event_id: '' }).field).toBe('event_id');
    expect(errorOf({ ...valid, extra: true }).field).toBe('extra');
    const local = errorOf({ ...valid, received_at: '2025-05-20T10:11:12.123456' });
    expect(local.toJSON()).toMatchObject({ code: 'invalid_payload', field: 'received_at' });
    expect(local.message).toMatch(/^Invalid notion refresh payload: received_at/);
  });
});
