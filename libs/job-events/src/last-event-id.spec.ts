import { lastEventIdFrom } from './last-event-id';

describe('lastEventIdFrom', () => {
  it('prefers the Last-Event-ID header, in any case', () => {
    expect(lastEventIdFrom({ headers: { 'last-event-id': '5-1' }, url: '/watch/j?last_event_id=9-9' })).toBe('5-1');
    expect(lastEventIdFrom({ headers: { 'Last-Event-ID': ['7-0'] } })).toBe('7-0');
  });

  it('falls back to ?last_event_id= from a URL or a parsed query', () => {
    expect(lastEventIdFrom({ headers: {}, url: '/api/manual/v1/watch/j?last_event_id=3-2' })).toBe('3-2');
    expect(lastEventIdFrom({ url: new URL('http://h/x?last_event_id=1-0%2C2-0') })).toBe('1-0,2-0');
    expect(lastEventIdFrom({ query: { last_event_id: '4-0' } })).toBe('4-0');
  });

  it('is undefined when absent or blank', () => {
    expect(lastEventIdFrom({ headers: { 'last-event-id': ' ' }, url: '/x' })).toBeUndefined();
    expect(lastEventIdFrom({})).toBeUndefined();
  });
});
