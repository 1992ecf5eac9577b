import { TranslatorError } from './errors';

export type TextDirection = 'ltr' | 'rtl';

export interface LanguageInfo {
  /** BCP-47 code, as Docusaurus locales use it. */
  code: string;
  /** English name. */
  name: string;
  /** The language's own name, for a locale dropdown (Docusaurus `localeConfigs[code].label`). */
  nativeName: string;
  direction: TextDirection;
}

/** The ten target languages of the original service. Any other valid BCP-47 code is accepted too. */
export const LANGUAGES: readonly LanguageInfo[] = Object.freeze([
  { code: 'ko', name: 'Korean', nativeName: '한국어', direction: 'ltr' },
  { code: 'fr', name: 'French', nativeName: 'Français', direction: 'ltr' },
  { code: 'ja', name: 'Japanese', nativeName: '日本語', direction: 'ltr' },
  { code: 'es', name: 'Spanish', nativeName: 'Español', direction: 'ltr' },
  { code: 'de', name: 'German', nativeName: 'Deutsch', direction: 'ltr' },
  { code: 'zh', name: 'Chinese', nativeName: '中文', direction: 'ltr' },
  { code: 'ru', name: 'Russian', nativeName: 'Русский', direction: 'ltr' },
  { code: 'it', name: 'Italian', nativeName: 'Italiano', direction: 'ltr' },
  { code: 'pt', name: 'Portuguese', nativeName: 'Português', direction: 'ltr' },
  { code: 'ar', name: 'Arabic', nativeName: 'العربية', direction: 'rtl' },
]);

const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'he', 'fa', 'ur']);

/** True for a syntactically valid BCP-47 language tag (`ko`, `zh-Hans`, `pt-BR`; not `pt_BR`). */
export function isLanguageCode(code: string): boolean {
  if (typeof code !== 'string' || code.length === 0 || code.length > 64) return false;
  try {
    return Intl.getCanonicalLocales(code).length === 1;
  } catch {
    return false;
  }
}

/** Throws `TranslatorError` `invalid_language` unless `code` is a valid BCP-47 tag. */
export function assertLanguageCode(code: string, what = 'language'): void {
  if (!isLanguageCode(code)) {
    throw new TranslatorError('invalid_language', `${what} ${JSON.stringify(code)} is not a BCP-47 language tag (like "ko" or "zh-Hans")`);
  }
}

/** Whether text in `code` runs right to left (Arabic, Hebrew, Persian, Urdu, with any region or script). */
export function isRtl(code: string): boolean {
  assertLanguageCode(code);
  return RTL_LANGUAGES.has(code.split('-')[0].toLowerCase());
}

/** `'rtl'` or `'ltr'`, the value Docusaurus `i18n.localeConfigs[code].direction` takes. */
export function textDirection(code: string): TextDirection {
  return isRtl(code) ? 'rtl' : 'ltr';
}
