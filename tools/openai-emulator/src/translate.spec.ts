import { DEFAULT_PLACEHOLDER_PATTERN } from './placeholders';
import { MARKER_CLOSE, MARKER_OPEN, isLanguageCode, pseudoTranslate, reverseTranslation } from './translate';

const PLACEHOLDERS = /⟦[^⟦⟧]*⟧|\{\{[\s\S]*?\}\}|<(?:x|ph)(?:\s[^<>]*)?\/>|<g(?:\s[^<>]*)?>|<\/g\s*>/g;

function placeholdersOf(text: string): string[] {
  return text.match(PLACEHOLDERS) ?? [];
}

describe('pseudoTranslate', () => {
  it('wraps each text run in a language marker and leaves placeholders between the runs', () => {
    expect(pseudoTranslate('Click ⟦1⟧ to save', 'ko')).toBe('⟪ko:Click ⟫⟦1⟧⟪ko: to save⟫');
  });

  it('uses the exported marker characters', () => {
    const translated = pseudoTranslate('Hello', 'ja');
    expect(translated.startsWith(`${MARKER_OPEN}ja:`)).toBe(true);
    expect(translated.endsWith(MARKER_CLOSE)).toBe(true);
    expect(translated).not.toBe('Hello');
  });

  it('keeps every kind of default placeholder byte for byte and in order', () => {
    const source = 'Open {{product.name}} <x id="1"/> then <g id="2">Settings</g>, press ⟦kbd:Ctrl+S⟧ <ph id="3"/>.';
    const translated = pseudoTranslate(source, 'de');
    expect(placeholdersOf(translated)).toEqual(placeholdersOf(source));
    expect(placeholdersOf(source)).toHaveLength(6);
    expect(translated).toContain('<g id="2">⟪de:Settings⟫</g>');
  });

  it('leaves runs without a letter (spaces, digits, punctuation) unwrapped', () => {
    expect(pseudoTranslate('⟦1⟧, 42 ⟦2⟧', 'fr')).toBe('⟦1⟧, 42 ⟦2⟧');
    expect(pseudoTranslate('', 'fr')).toBe('');
  });

  it('translates non-Latin letters too', () => {
    expect(pseudoTranslate('저장 ⟦1⟧', 'en')).toBe('⟪en:저장 ⟫⟦1⟧');
  });

  it('doubles a closing marker inside a run so the run stays readable', () => {
    expect(pseudoTranslate('a⟫b', 'ko')).toBe('⟪ko:a⟫⟫b⟫');
  });

  it('accepts a custom placeholder pattern (global flag or not)', () => {
    expect(pseudoTranslate('Hi %s and %d', 'ko', /%[sd]/)).toBe('⟪ko:Hi ⟫%s⟪ko: and ⟫%d');
    expect(pseudoTranslate('Hi ⟦1⟧', 'ko', /%[sd]/g)).toBe('⟪ko:Hi ⟦1⟧⟫');
  });

  it('is deterministic', () => {
    const source = 'Same {{input}} twice';
    expect(pseudoTranslate(source, 'ko')).toBe(pseudoTranslate(source, 'ko'));
  });

  it('refuses something that is not a language code', () => {
    expect(() => pseudoTranslate('Hello', 'not a code')).toThrow(TypeError);
    expect(() => pseudoTranslate('Hello', '')).toThrow(TypeError);
  });
});

describe('reverseTranslation', () => {
  const sources = [
    'Click ⟦1⟧ to save',
    'Open {{product.name}} <x id="1"/> then <g id="2">Settings</g>, press ⟦kbd:Ctrl+S⟧.',
    'Brackets ⟫ and ⟫⟫ and ⟪ inside the text',
    'Line one\nLine two\t— with “quotes” and emoji 🎉',
    '⟦only⟧⟦placeholders⟧',
    '',
  ];

  it.each(sources)('gives back the exact source of %j', (source) => {
    for (const lang of ['ko', 'zh-Hans', 'pt_BR']) {
      const translated = pseudoTranslate(source, lang);
      expect(reverseTranslation(translated, lang)).toBe(source);
    }
  });

  it('only strips the markers of the language it is asked for', () => {
    const mixed = `${pseudoTranslate('one', 'ko')} ${pseudoTranslate('two', 'ja')}`;
    expect(reverseTranslation(mixed, 'ko')).toBe('one ⟪ja:two⟫');
    expect(reverseTranslation(mixed, 'ja')).toBe('⟪ko:one⟫ two');
  });

  it('leaves text without markers as it is', () => {
    expect(reverseTranslation('plain text ⟦1⟧', 'ko')).toBe('plain text ⟦1⟧');
  });

  it('strips an unclosed marker up to the end (a truncated answer)', () => {
    expect(reverseTranslation('⟪ko:Click ⟫⟦1⟧⟪ko: to sa', 'ko')).toBe('Click ⟦1⟧ to sa');
  });

  it('refuses something that is not a language code', () => {
    expect(() => reverseTranslation('x', '??')).toThrow(TypeError);
  });
});

describe('isLanguageCode', () => {
  it.each(['ko', 'ja', 'zh-Hans', 'pt_BR', 'sr-Latn-RS', 'xx'])('accepts %s', (code) => {
    expect(isLanguageCode(code)).toBe(true);
  });

  it.each(['', 'k', 'ko ', 'ko:', '12', 'ko--KR'])('refuses %j', (code) => {
    expect(isLanguageCode(code)).toBe(false);
  });
});

describe('DEFAULT_PLACEHOLDER_PATTERN', () => {
  it('is what pseudoTranslate uses when no pattern is given', () => {
    const source = 'a {{b}} c';
    expect(pseudoTranslate(source, 'ko')).toBe(pseudoTranslate(source, 'ko', DEFAULT_PLACEHOLDER_PATTERN));
  });
});
