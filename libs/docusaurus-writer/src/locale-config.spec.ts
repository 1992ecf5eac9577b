import { runInNewContext } from 'node:vm';
import { localeConfig } from './locale-config';

describe('localeConfig', () => {
  it('lists the default locale first, labels each locale in its own language, and marks right-to-left ones', () => {
    expect(localeConfig(['ko', 'ja', 'ar', 'he', 'fa', 'ur']).config).toEqual({
      defaultLocale: 'en',
      locales: ['en', 'ko', 'ja', 'ar', 'he', 'fa', 'ur'],
      localeConfigs: {
        en: { label: 'English', direction: 'ltr', htmlLang: 'en' },
        ko: { label: '한국어', direction: 'ltr', htmlLang: 'ko' },
        ja: { label: '日本語', direction: 'ltr', htmlLang: 'ja' },
        ar: { label: 'العربية', direction: 'rtl', htmlLang: 'ar' },
        he: { label: 'עברית', direction: 'rtl', htmlLang: 'he' },
        fa: { label: 'فارسی', direction: 'rtl', htmlLang: 'fa' },
        ur: { label: 'اردو', direction: 'rtl', htmlLang: 'ur' },
      },
    });
  });

  it('capitalises names as Docusaurus does and keeps region tags', () => {
    const { config } = localeConfig(['fr', 'pt-BR', 'en'], { defaultLocale: 'ko' });
    expect(config.locales).toEqual(['ko', 'fr', 'pt-BR', 'en']);
    expect(config.localeConfigs['fr'].label).toBe('Français');
    expect(config.localeConfigs['pt-BR']).toEqual({ label: 'Português (Brasil)', direction: 'ltr', htmlLang: 'pt-BR' });
  });

  it('prints JavaScript that evaluates to the same object', () => {
    const { config, text } = localeConfig(['ko', 'ar', 'zh-Hans']);
    expect(text.startsWith('i18n: {\n')).toBe(true);
    expect(text).toContain("    ar: { label: 'العربية', direction: 'rtl', htmlLang: 'ar' },\n");
    expect(text).toContain("    'zh-Hans': {");
    expect(runInNewContext(`({${text}})`)).toEqual({ i18n: config });
  });

  it.each([
    ['yi', 'rtl'],
    ['ckb', 'rtl'],
    ['ps', 'rtl'],
    ['az-Arab', 'rtl'],
    ['ar-Latn', 'ltr'],
    ['pt-BR', 'ltr'],
  ])('gives %s the direction of its script: %s', (locale, direction) => {
    expect(localeConfig([locale]).config.localeConfigs[locale].direction).toBe(direction);
  });

  it('refuses something that is not a locale code, or not in its canonical form', () => {
    expect(() => localeConfig(["ko'); alert(1); ('"])).toThrow(expect.objectContaining({ code: 'invalid_option' }));
    expect(() => localeConfig(['zh-hans'])).toThrow(expect.objectContaining({ code: 'invalid_option', language: 'zh-hans' }));
  });
});
