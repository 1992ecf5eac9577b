import { SseError } from './errors';
import { formatSseEvent, formatSseHeartbeat } from './sse-format';

describe('SSE framing', () => {
  it('writes the fields in sse-starlette order with \\n line ends and a blank line', () => {
    expect(formatSseEvent({ retry: 5000, data: { a: 1, b: [true, null] }, event: 'status', id: '1-0', comment: 'hi' })).toBe(
      ': hi\nid: 1-0\nevent: status\ndata: {"a":1,"b":[true,null]}\nretry: 5000\n\n',
    );
  });

  it('sends strings as text, one data line per line', () => {
    expect(formatSseEvent({ event: 'info', data: 'Job failed: a\nb\r\nc' })).toBe('event: info\ndata: Job failed: a\ndata: b\ndata: c\n\n');
    expect(formatSseEvent({ data: '' })).toBe('data: \n\n');
  });

  it('refuses fields that would break the framing', () => {
    expect(() => formatSseEvent({ id: 'a\nb', data: 1 })).toThrow(SseError);
    expect(() => formatSseEvent({ event: 'x\r' })).toThrow(expect.objectContaining({ code: 'invalid_field', field: 'event' }));
    expect(() => formatSseEvent({ retry: -1 })).toThrow(expect.objectContaining({ field: 'retry' }));
    expect(() => formatSseEvent({})).toThrow(SseError);
    expect(() => formatSseEvent({ data: 10n })).toThrow(expect.objectContaining({ code: 'invalid_field', field: 'data' }));
    expect(() => formatSseEvent({ data: () => 1 })).toThrow(expect.objectContaining({ code: 'invalid_field', field: 'data' }));
  });

  it('formats the heartbeat comment', () => {
    expect(formatSseHeartbeat(new Date('2025-05-20T10:11:12.123Z'))).toBe(': ping - 2025-05-20T10:11:12.123Z\n\n');
  });
});
