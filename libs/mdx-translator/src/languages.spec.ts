import { TranslatorError } from './errors';
import { LANGUAGES, isLanguageCode, isRtl, textDirection } from './languages';

describe('languages', () => {
  it('lists the ten languages of the original service with names and directions', () => {
    expect(LANGUAGES.map((language) => language.code)).toEqual(['ko', 'fr', 'ja', 'es', 'de', 'zh', 'ru', 'it', 'pt', 'ar']);
    expect(LANGUAGES.filter((language) => language.direction === 'rtl').map((language) => language.code)).toEqual(['ar']);
  });

  it('accepts any BCP-47 tag and refuses the rest', () => {
    expect(['ko', 'zh-Hans', 'pt-BR', 'sr-Latn-RS', 'he'].every(isLanguageCode)).toBe(true);
    expect(['pt_BR', '', 'k', 'not a tag', '../etc'].some(isLanguageCode)).toBe(false);
  });

  it('knows right-to-left languages, with any region or script', () => {
    expect(['ar', 'he', 'fa', 'ur', 'ar-EG', 'fa-IR'].map(textDirection)).toEqual(['rtl', 'rtl', 'rtl', 'rtl', 'rtl', 'rtl']);
    expect(['ko', 'en', 'zh-Hant'].map(isRtl)).toEqual([false, false, false]);
    expect(() => textDirection('pt_BR')).toThrow(TranslatorError);
  });
});
