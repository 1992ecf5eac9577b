import {
  CHARS_PER_TOKEN,
  TOKENS_PER_MESSAGE,
  TOKENS_PER_REQUEST,
  countCodePoints,
  countPromptTokens,
  countTextTokens,
  cutToTokens,
} from './tokens';

describe('token counting', () => {
  it('counts one token per four code points, rounded up', () => {
    expect(CHARS_PER_TOKEN).toBe(4);
    expect(countTextTokens('')).toBe(0);
    expect(countTextTokens('a')).toBe(1);
    expect(countTextTokens('abcd')).toBe(1);
    expect(countTextTokens('abcde')).toBe(2);
    expect(countTextTokens('x'.repeat(40))).toBe(10);
  });

  it('counts code points, not UTF-16 units', () => {
    expect('🎉🎉🎉🎉'.length).toBe(8);
    expect(countCodePoints('🎉🎉🎉🎉')).toBe(4);
    expect(countTextTokens('🎉🎉🎉🎉')).toBe(1);
  });

  it('adds the per-message and per-request overheads to prompts', () => {
    expect(countPromptTokens([])).toBe(TOKENS_PER_REQUEST);
    expect(countPromptTokens(['abcd', 'abcde'])).toBe(TOKENS_PER_REQUEST + 2 * TOKENS_PER_MESSAGE + 1 + 2);
    expect(countPromptTokens(['You translate.', 'Hello'])).toBe(3 + 3 + 4 + 3 + 2);
  });

  it('cuts a text to a number of tokens without splitting a code point', () => {
    expect(cutToTokens('abcdefghij', 2)).toBe('abcdefgh');
    expect(cutToTokens('abc', 5)).toBe('abc');
    expect(cutToTokens('🎉🎉🎉🎉🎉', 1)).toBe('🎉🎉🎉🎉');
    expect(countTextTokens(cutToTokens('x'.repeat(100), 7))).toBe(7);
  });
});
