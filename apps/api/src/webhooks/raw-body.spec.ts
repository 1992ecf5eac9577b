import { rawBodyOf } from './raw-body';

describe('rawBodyOf', () => {
  it('takes the bytes the raw parser left in body, else Nest\'s rawBody', () => {
    const bytes = Buffer.from('{"a":1}');
    expect(rawBodyOf({ body: bytes })).toBe(bytes);
    expect(rawBodyOf({ body: { a: 1 }, rawBody: bytes })).toBe(bytes);
  });

  it('reads no body as empty bytes', () => {
    expect(rawBodyOf({})).toEqual(Buffer.alloc(0));
  });

  it('refuses a body a JSON parser consumed without keeping the bytes (they cannot be verified)', () => {
    expect(() => rawBodyOf({ body: { a: 1 } })).toThrow(/raw webhook body is not available/);
  });
});
