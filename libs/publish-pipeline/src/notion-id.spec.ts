import { parseNotionId } from './notion-id';
import { targetLanguages } from './translate/target-languages';

describe('parseNotionId', () => {
  it('accepts 32 hex digits, dashed or not, in any case, and gives the dashed lower-case form', () => {
    expect(parseNotionId('19AB7135D33B803B8EA7FF3E366F707D')).toBe('19ab7135-d33b-803b-8ea7-ff3e366f707d');
    expect(parseNotionId(' 19ab7135-d33b-803b-8ea7-ff3e366f707d ')).toBe('19ab7135-d33b-803b-8ea7-ff3e366f707d');
  });

  it('refuses anything else, URLs included', () => {
    for (const text of ['', 'not-a-page', '19ab7135d33b803b8ea7ff3e366f707', 'https://www.notion.so/19ab7135d33b803b8ea7ff3e366f707d', '19ab7135-d33b803b-8ea7-ff3e366f707d', undefined, 42]) {
      expect(parseNotionId(text)).toBeUndefined();
    }
  });
});

describe('targetLanguages', () => {
  it('keeps canonical tags once, without the source language', () => {
    expect(targetLanguages(['ko', 'en', 'ja', 'ko', 'pt-BR', 'zh-Hans'], 'en')).toEqual(['ko', 'ja', 'pt-BR', 'zh-Hans']);
  });

  it('refuses a tag that is not canonical or not a tag, naming the canonical form', () => {
    expect(() => targetLanguages(['pt-br'], 'en')).toThrow('"pt-br" is not a canonical BCP-47 language tag (write pt-BR)');
    expect(() => targetLanguages(['../ko'], 'en')).toThrow(expect.objectContaining({ reason: 'translation_failed', code: 'invalid_language' }));
  });
});
