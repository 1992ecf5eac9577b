import { languageProblem } from './language-tag';
import { WriterError } from './writer-error';

/** Right-to-left scripts; and languages, for when ICU cannot tell a language's script. */
const RIGHT_TO_LEFT_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);
const RIGHT_TO_LEFT_SCRIPTS = new Set(['Adlm', 'Arab', 'Hebr', 'Nkoo', 'Rohg', 'Syrc', 'Thaa']);
const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export interface LocaleSettings {
  label: string;
  direction: 'ltr' | 'rtl';
  htmlLang: string;
}

/** The `i18n` section of a `docusaurus.config`. */
export interface I18nConfig {
  defaultLocale: string;
  locales: string[];
  localeConfigs: Record<string, LocaleSettings>;
}

export interface LocaleConfigSnippet {
  /** The `i18n` value as data. */
  config: I18nConfig;
  /** `i18n: {…},` as JavaScript to paste into `docusaurus.config.{js,mjs,ts}`. */
  text: string;
}

export interface LocaleConfigOptions {
  /** Defaults to `en`. */
  defaultLocale?: string;
}

/**
 * The `i18n` config for a site in `defaultLocale` plus `languages`: each locale labelled with its own name
 * (as Docusaurus would label it), `direction: 'rtl'` for Arabic, Hebrew, Persian and Urdu.
 */
export function localeConfig(languages: readonly string[], options: LocaleConfigOptions = {}): LocaleConfigSnippet {
  const defaultLocale = options.defaultLocale ?? 'en';
  const locales = [...new Set([defaultLocale, ...languages])];
  for (const locale of locales) {
    const problem = languageProblem(locale);
    if (problem !== undefined) throw new WriterError('invalid_option', problem, { language: locale });
  }
  const localeConfigs = Object.fromEntries(locales.map((locale) => [locale, localeSettings(locale)]));
  const config: I18nConfig = { defaultLocale, locales, localeConfigs };
  return { config, text: configText(config) };
}

function localeSettings(locale: string): LocaleSettings {
  return { label: nativeName(locale), direction: isRightToLeft(locale) ? 'rtl' : 'ltr', htmlLang: locale };
}

/** Right-to-left by the script the locale names or implies (`ar`, `he`, `ur`, `az-Arab`…), not `ar-Latn`. */
function isRightToLeft(locale: string): boolean {
  const { language, script } = new Intl.Locale(locale).maximize();
  if (script !== undefined) return RIGHT_TO_LEFT_SCRIPTS.has(script);
  return RIGHT_TO_LEFT_LANGUAGES.has(language);
}

/** The language's name in itself, capitalised (`한국어`, `Français`); the code when the runtime has no name. */
function nativeName(locale: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(locale);
  } catch {
    name = undefined;
  }
  if (!name) return locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

function literal(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function configText(config: I18nConfig): string {
  const lines = [
    'i18n: {',
    `  defaultLocale: ${literal(config.defaultLocale)},`,
    `  locales: [${config.locales.map(literal).join(', ')}],`,
    '  localeConfigs: {',
    ...Object.entries(config.localeConfigs).map(
      ([locale, { label, direction, htmlLang }]) =>
        `    ${PLAIN_KEY.test(locale) ? locale : literal(locale)}: { label: ${literal(label)}, direction: ${literal(direction)}, htmlLang: ${literal(htmlLang)} },`,
    ),
    '  },',
    '},',
  ];
  return `${lines.join('\n')}\n`;
}
