import { NotionError } from './notion-error';
import { pageSize, paginate } from './pagination';

const ids = Array.from({ length: 5 }, (_, i) => `id-${i}`);

describe('paginate', () => {
  it('walks an ordered list with next_cursor until has_more is false', () => {
    const first = paginate(ids, undefined, 2, (id) => id);
    expect(first).toEqual({ results: ['id-0', 'id-1'], next_cursor: 'id-2', has_more: true });
    const last = paginate(ids, 'id-4', 2, (id) => id);
    expect(last).toEqual({ results: ['id-4'], next_cursor: null, has_more: false });
  });

  it('refuses a cursor that is not in the list', () => {
    expect(() => paginate(ids, 'nope', 2, (id) => id)).toThrow(NotionError);
  });
});

describe('pageSize', () => {
  it('defaults to 100 and accepts 1..100', () => {
    expect(pageSize(undefined)).toBe(100);
    expect(pageSize('7')).toBe(7);
  });

  it.each([['0'], ['101'], ['1.5'], ['x']])('refuses %s with a validation error', (raw) => {
    expect(() => pageSize(raw)).toThrow(expect.objectContaining({ status: 400, code: 'validation_error' }));
  });
});

describe('pageSize in a JSON body', () => {
  it('accepts a number and refuses anything else, naming the body', () => {
    expect(pageSize(5, 'body')).toBe(5);
    expect(pageSize(undefined, 'body')).toBe(100);
    expect(() => pageSize('5', 'body')).toThrow(/^body failed validation: body\.page_size should be a number/);
    expect(() => pageSize('', 'body')).toThrow(/body\.page_size/);
    expect(() => pageSize(0, 'body')).toThrow(/body\.page_size should be an integer between 1 and 100/);
  });

  it('names the query string for query parameters', () => {
    expect(() => pageSize('abc')).toThrow(/^query failed validation: query\.page_size/);
  });
});
